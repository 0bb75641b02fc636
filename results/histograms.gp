set terminal svg size 1000,720 dynamic font "Helvetica,13" background rgb "white"
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
set output "histograms.svg"
stats "histogram.csv" using "d" nooutput
set multiplot layout 2,2 title "q^T k / sqrt(d): exact law at every d, Gaussian only in the limit"
set xrange [-5:5]
set xlabel "q^T k / sqrt(d)"
set ylabel "density"
set style fill transparent solid 0.35 noborder
set key top left Left reverse samplen 1 width -3 font ",10"
array ds[4]
n = 0
do for [dd in "1 4 16 64"] {
    stats "histogram.csv" using (column("d") == dd + 0 ? 1 : 0) nooutput
    if (STATS_sum > 0 && n < 4) { n = n + 1; ds[n] = dd + 0 }
}
do for [i = 1:n] {
    set title sprintf("d = %d (excess kurtosis %.3g)", ds[i], 6.0 / ds[i])
    plot "histogram.csv" using ((column("bin_lo") + column("bin_hi")) / 2):(column("d") == ds[i] ? column("density") : 1/0) \
           with boxes lc rgb "#1b6ca8" title "samples", \
         "" using ((column("bin_lo") + column("bin_hi")) / 2):(column("d") == ds[i] ? column("density_exact") : 1/0) \
           with histeps lc rgb "#d1495b" lw 2 title "exact (bin mean)", \
         "" using ((column("bin_lo") + column("bin_hi")) / 2):(column("d") == ds[i] ? column("density_normal") : 1/0) \
           with histeps lc rgb "#333333" lw 1.5 dt 2 title "N(0,1) (bin mean)"
}
unset multiplot
