set terminal svg size 624,287 fixed enhanced font "Helvetica,13.3" linewidth 1 background rgb "white"
pscale = 0.55
kspace = 0.82
set output "softmax.svg"
set encoding utf8
set minussign
set datafile separator ","
set datafile columnheaders
set grid lc rgb "#e4e4e4" lw 0.5
set border lw 0.8
set tics scale 0.6, 0.35
set style line 1 lc rgb "#0072b2" lw 1.5 dt 1 pt 7 ps (0.9 * pscale)
set style line 2 lc rgb "#d55e00" lw 1.5 dt 2 pt 5 ps (0.85 * pscale)
set style line 3 lc rgb "#009e73" lw 1.5 dt 4 pt 9 ps (1.1 * pscale)
set style line 4 lc rgb "#cc79a7" lw 1.5 dt 5 pt 6 ps (1 * pscale)
set style line 5 lc rgb "#e69f00" lw 1.5 dt 3 pt 4 ps (0.95 * pscale)
min(a, b) = a < b ? a : b
max(a, b) = a > b ? a : b
set multiplot
set logscale x 2
set xrange [0.7320428479728127:699.4126114582505]
set xtics ("1" 1, "4" 4, "16" 16, "64" 64, "256" 256)
set xtics add ("" 2 1, "" 8 1, "" 32 1, "" 128 1, "" 512 1)
set xlabel "dimension {/:Italic d}"
sel(mu, sc, c) = (column("mu") == mu && strcol("scale") eq sc) ? column(c) : 1/0
shown(x) = ((column("mu") == 0 && strcol("scale") eq "none") || (column("mu") == 1 && strcol("scale") eq "within_query") || (column("mu") == 0 && strcol("scale") eq "sqrt_d") || (column("mu") == 1 && strcol("scale") eq "sqrt_d")) ? x : 1/0
set lmargin at screen 0.1186; set rmargin at screen 0.4808
set tmargin at screen 0.9721; set bmargin at screen 0.4326
set ylabel "mean largest weight"
set autoscale y
stats "softmax.csv" using (shown(column("max_weight") - column("max_weight_se"))) nooutput
ylo = STATS_min
stats "softmax.csv" using (shown(column("max_weight") + column("max_weight_se"))) nooutput
yhi = STATS_max
set format y "%g"
set ytics autofreq
yr = (yhi > ylo ? yhi - ylo : abs(yhi) + 1) * 0.06
set yrange [ylo - yr : yhi + yr]
raw = (yhi - ylo + 2 * yr) / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst

plot "softmax.csv" using "d":(sel(0, "none", "max_weight")):"max_weight_se" with yerrorlines ls 2 notitle, \
     "softmax.csv" using "d":(sel(1, "within_query", "max_weight")):"max_weight_se" with yerrorlines ls 3 notitle, \
     "softmax.csv" using "d":(sel(0, "sqrt_d", "max_weight")):"max_weight_se" with yerrorlines ls 1 notitle, \
     "softmax.csv" using "d":(sel(1, "sqrt_d", "max_weight")):"max_weight_se" with yerrorlines ls 4 notitle
set xlabel "dimension {/:Italic d}"
set lmargin at screen 0.6122; set rmargin at screen 0.9744
set tmargin at screen 0.9721; set bmargin at screen 0.4326
set ylabel "entropy / log {/:Italic N}"
set autoscale y
stats "softmax.csv" using (shown(column("entropy") - column("entropy_se"))) nooutput
ylo = STATS_min
stats "softmax.csv" using (shown(column("entropy") + column("entropy_se"))) nooutput
yhi = STATS_max
set format y "%g"
set ytics autofreq
yr = (yhi > ylo ? yhi - ylo : abs(yhi) + 1) * 0.06
set yrange [ylo - yr : yhi + yr]
raw = (yhi - ylo + 2 * yr) / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst

plot "softmax.csv" using "d":(sel(0, "none", "entropy")):"entropy_se" with yerrorlines ls 2 notitle, \
     "softmax.csv" using "d":(sel(1, "within_query", "entropy")):"entropy_se" with yerrorlines ls 3 notitle, \
     "softmax.csv" using "d":(sel(0, "sqrt_d", "entropy")):"entropy_se" with yerrorlines ls 1 notitle, \
     "softmax.csv" using "d":(sel(1, "sqrt_d", "entropy")):"entropy_se" with yerrorlines ls 4 notitle
unset label
unset arrow
unset logscale
unset grid
unset border
unset tics
unset xlabel
unset ylabel
set xrange [0:1]
set yrange [0:1]
set lmargin at screen 0.01; set rmargin at screen 0.99
set tmargin at screen 0.2279; set bmargin at screen 0
set key inside center top vertical maxrows 2 Left reverse samplen 2.5 width 0 spacing kspace nobox noopaque title "{/:Italic N} = 64 keys per query" center
plot NaN with linespoints ls 2 title "{/:Italic μ} = 0, {/:Italic τ} = 1", \
     NaN with linespoints ls 3 title "{/:Italic μ} = 1, {/:Italic τ} = within-query sd", \
     NaN with linespoints ls 1 title "{/:Italic μ} = 0, {/:Italic τ} = √{/:Italic d}", \
     NaN with linespoints ls 4 title "{/:Italic μ} = 1, {/:Italic τ} = √{/:Italic d}"
unset multiplot
