set terminal svg size 760,500 dynamic font "Helvetica,13" background rgb "white"
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
set output "aligned.svg"
set title "One aligned key: sqrt(d) still saturates, d does not"
set logscale x 2
set xlabel "dimension d"
set ylabel "weight on the aligned key (log scale)"
set logscale y
set yrange [0.01:30]
set ytics ("0.01" 0.01, "0.03" 0.03, "0.1" 0.1, "0.3" 0.3, "1" 1)
set key noenhanced top left box opaque
sel(s) = (strcol("scale") eq s) ? column("aligned_weight") : 1/0
plot "aligned.csv" using "d":(sel("none")):"aligned_weight_se" with yerrorlines ls 2 title "tau = 1", \
     "" using "d":(sel("sqrt_d")):"aligned_weight_se" with yerrorlines ls 1 title "tau = sqrt(d)", \
     "" using "d":(sel("d")):"aligned_weight_se" with yerrorlines ls 3 title "tau = d", \
     0.02550276692707542 with lines dt 2 lw 2 lc rgb "#2e8b57" title "limit, tau = d: exp(rho)/(exp(rho)+N-1)"
