set terminal svg size 624,481 fixed enhanced font "Helvetica,13.3" linewidth 1 background rgb "white"
pscale = 0.55
kspace = 0.82
set output "histograms.svg"
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
set xrange [-5:5]
set xtics 2
mid(x) = (column("bin_lo") + column("bin_hi")) / 2
set lmargin at screen 0.1186; set rmargin at screen 0.4973
set tmargin at screen 0.9834; set bmargin at screen 0.6620
set label 1 "{/:Italic d} = 1" at graph 0.05, graph 0.9 left front
set xlabel ""
set ylabel "density"
set autoscale y
stats "histogram.csv" using (column("d") == 1 ? max(column("density"), max(column("density_exact"), column("density_normal"))) : 1/0) nooutput
set yrange [0 : STATS_max * 1.08]
raw = STATS_max * 1.08 / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst
plot "histogram.csv" using (mid(0)):(column("d") == 1 ? column("density") : 1/0) with boxes fs transparent solid 0.35 noborder lc rgb "#0072b2" notitle, \
     "" using (mid(0)):(column("d") == 1 ? column("density_exact") : 1/0) with histeps lc rgb "#d55e00" lw 1.5 dt 1 notitle, \
     "" using (mid(0)):(column("d") == 1 ? column("density_normal") : 1/0) with histeps lc rgb "#222222" lw 1.2 dt 2 notitle
set lmargin at screen 0.5956; set rmargin at screen 0.9744
set tmargin at screen 0.9834; set bmargin at screen 0.6620
set label 1 "{/:Italic d} = 4" at graph 0.05, graph 0.9 left front
set xlabel ""
set ylabel ""
set autoscale y
stats "histogram.csv" using (column("d") == 4 ? max(column("density"), max(column("density_exact"), column("density_normal"))) : 1/0) nooutput
set yrange [0 : STATS_max * 1.08]
raw = STATS_max * 1.08 / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst
plot "histogram.csv" using (mid(0)):(column("d") == 4 ? column("density") : 1/0) with boxes fs transparent solid 0.35 noborder lc rgb "#0072b2" notitle, \
     "" using (mid(0)):(column("d") == 4 ? column("density_exact") : 1/0) with histeps lc rgb "#d55e00" lw 1.5 dt 1 notitle, \
     "" using (mid(0)):(column("d") == 4 ? column("density_normal") : 1/0) with histeps lc rgb "#222222" lw 1.2 dt 2 notitle
set lmargin at screen 0.1186; set rmargin at screen 0.4973
set tmargin at screen 0.5789; set bmargin at screen 0.2576
set label 1 "{/:Italic d} = 16" at graph 0.05, graph 0.9 left front
set xlabel "{/:Italic q}^T{/:Italic k} / √{/:Italic d}"
set ylabel "density"
set autoscale y
stats "histogram.csv" using (column("d") == 16 ? max(column("density"), max(column("density_exact"), column("density_normal"))) : 1/0) nooutput
set yrange [0 : STATS_max * 1.08]
raw = STATS_max * 1.08 / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst
plot "histogram.csv" using (mid(0)):(column("d") == 16 ? column("density") : 1/0) with boxes fs transparent solid 0.35 noborder lc rgb "#0072b2" notitle, \
     "" using (mid(0)):(column("d") == 16 ? column("density_exact") : 1/0) with histeps lc rgb "#d55e00" lw 1.5 dt 1 notitle, \
     "" using (mid(0)):(column("d") == 16 ? column("density_normal") : 1/0) with histeps lc rgb "#222222" lw 1.2 dt 2 notitle
set lmargin at screen 0.5956; set rmargin at screen 0.9744
set tmargin at screen 0.5789; set bmargin at screen 0.2576
set label 1 "{/:Italic d} = 64" at graph 0.05, graph 0.9 left front
set xlabel "{/:Italic q}^T{/:Italic k} / √{/:Italic d}"
set ylabel ""
set autoscale y
stats "histogram.csv" using (column("d") == 64 ? max(column("density"), max(column("density_exact"), column("density_normal"))) : 1/0) nooutput
set yrange [0 : STATS_max * 1.08]
raw = STATS_max * 1.08 / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst
plot "histogram.csv" using (mid(0)):(column("d") == 64 ? column("density") : 1/0) with boxes fs transparent solid 0.35 noborder lc rgb "#0072b2" notitle, \
     "" using (mid(0)):(column("d") == 64 ? column("density_exact") : 1/0) with histeps lc rgb "#d55e00" lw 1.5 dt 1 notitle, \
     "" using (mid(0)):(column("d") == 64 ? column("density_normal") : 1/0) with histeps lc rgb "#222222" lw 1.2 dt 2 notitle
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
set tmargin at screen 0.1357; set bmargin at screen 0
set key inside center top vertical maxrows 2 Left reverse samplen 2.5 width 0 spacing kspace nobox noopaque title "bin probabilities over the bin width" center
plot NaN with boxes fs transparent solid 0.35 noborder lc rgb "#0072b2" title "samples", \
     NaN with lines lc rgb "#d55e00" lw 1.5 dt 1 title "exact variance-gamma law", \
     NaN with lines lc rgb "#222222" lw 1.2 dt 2 title "N(0, 1)"
unset multiplot
