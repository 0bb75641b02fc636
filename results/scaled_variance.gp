set terminal svg size 960,500 dynamic font "Helvetica,13" background rgb "white"
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
set output "scaled_variance.svg"
set title "Dividing by sqrt(d) fixes the variance at sigma^4 + 2 mu^2 sigma^2, not at 1"
set logscale xy
set xlabel "dimension d"
set ylabel "Var(q^T k / sqrt(d))"
set key outside right center
stats "moments.csv" using "d" nooutput
set xrange [STATS_min / 1.4 : STATS_max * 1.4]
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics ("0.01" 0.01, "0.03" 0.03, "0.1" 0.1, "0.3" 0.3, "1" 1, "3" 3, "10" 10, "30" 30, "100" 100, "300" 300, "1000" 1000)
sel(mu, s, c) = (column("mu") == mu && column("sigma") == s) ? column(c) : 1/0
plot for [i = 1:5] "moments.csv" using "d":(sel(word("0 0.5 1 0 0", i) + 0, word("1 1 1 0.5 2", i) + 0, "scaled_var_theory")) \
       with lines ls i dt 2 lw 3 title (i == 1 ? "closed form, dashed" : ""), \
     for [i = 1:5] "moments.csv" using "d":(sel(word("0 0.5 1 0 0", i) + 0, word("1 1 1 0.5 2", i) + 0, "scaled_var_est")) \
       with points ls i title sprintf("mu = %s, sigma = %s", word("0 0.5 1 0 0", i), word("1 1 1 0.5 2", i))
