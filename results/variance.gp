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
set output "variance.svg"
set title "Var(q^T k) grows like d"
set logscale xy
set xlabel "dimension d"
set ylabel "Var(q^T k)"
stats "moments.csv" using "d" nooutput
set xrange [STATS_min / 1.4 : STATS_max * 1.4]
set autoscale yfix
set offsets 0, 0, graph 0.06, graph 0.06
set key top left Left reverse samplen 2 font ",11"
sel(mu, s, c) = (column("mu") == mu && column("sigma") == s) ? column(c) : 1/0
plot for [i = 1:4] "moments.csv" using "d":(sel(word("0 0.5 1 0", i) + 0, word("1 1 1 2", i) + 0, "var_theory")) \
       with lines ls (word("1 2 3 5", i) + 0) dt 2 lw 1.5 title (i == 1 ? "closed form (dashed)" : ""), \
     for [i = 1:4] "moments.csv" using "d":(sel(word("0 0.5 1 0", i) + 0, word("1 1 1 2", i) + 0, "var_est")):"var_se" \
       with yerrorbars ls (word("1 2 3 5", i) + 0) title sprintf("mu = %s, sigma = %s", word("0 0.5 1 0", i), word("1 1 1 2", i))
