set terminal svg size 1100,560 dynamic font "Helvetica,13" background rgb "white"
set datafile separator ","
set datafile columnheaders
set grid lc rgb "#dddddd"
set key top left box opaque
set border lw 1.2
set style line 1 lc rgb "#1b6ca8" lw 2 pt 7 ps 0.8
set style line 2 lc rgb "#d1495b" lw 2 pt 5 ps 0.8
set style line 3 lc rgb "#2e8b57" lw 2 pt 9 ps 0.9
set style line 4 lc rgb "#8d5a97" lw 2 pt 11 ps 0.9
set style line 5 lc rgb "#e6a100" lw 2 pt 13 ps 0.9
set output "softmax.svg"
set multiplot layout 1,2 title "Softmax over the keys as d grows, by temperature tau"
set logscale x
stats "softmax.csv" using "d" nooutput
set xrange [STATS_min / 1.4 : STATS_max * 1.4]
set xlabel "dimension d"
set bmargin 8
sel(mu, sc, c) = (column("mu") == mu && strcol("scale") eq sc) ? column(c) : 1/0
set ylabel "mean largest weight"
set yrange [0:1]
set key at screen 0.5, 0.1 center center horizontal maxcols 2 nobox noopaque width 2
plot "softmax.csv" using "d":(sel(0, "none", "max_weight")):"max_weight_se" with yerrorlines ls 2 title "mu = 0, tau = 1", \
     "" using "d":(sel(1, "within_query", "max_weight")):"max_weight_se" with yerrorlines ls 3 lw 5 pt 7 ps 0.4 title "mu = 1, tau = within-query sd (thick)", \
     "" using "d":(sel(0, "sqrt_d", "max_weight")):"max_weight_se" with yerrorlines ls 1 pt 6 ps 1.3 title "mu = 0, tau = sqrt(d) (open circles)", \
     "" using "d":(sel(1, "sqrt_d", "max_weight")):"max_weight_se" with yerrorlines ls 4 title "mu = 1, tau = sqrt(d)"
set ylabel "entropy / log N"
unset key
plot "softmax.csv" using "d":(sel(0, "none", "entropy")):"entropy_se" with yerrorlines ls 2, \
     "" using "d":(sel(1, "within_query", "entropy")):"entropy_se" with yerrorlines ls 3 lw 5 pt 7 ps 0.4, \
     "" using "d":(sel(0, "sqrt_d", "entropy")):"entropy_se" with yerrorlines ls 1 pt 6 ps 1.3, \
     "" using "d":(sel(1, "sqrt_d", "entropy")):"entropy_se" with yerrorlines ls 4
unset multiplot
