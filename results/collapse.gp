set terminal svg size 1100,480 dynamic font "Helvetica,13" background rgb "white"
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
set output "collapse.svg"
set tmargin 2.5
colours = "#1b6ca8 #d1495b #2e8b57 #8d5a97 #e6a100 #555555 #1b6ca8 #d1495b #2e8b57 #8d5a97"
keys = "16 256 4096"
set arrow from 5.545177444479562, graph 0 to 5.545177444479562, graph 1 nohead dt 3 lw 1.5 lc rgb word(colours, 1)
set label "d*" at 5.545177444479562, graph 1.03 center textcolor rgb word(colours, 1) font ",10"
set arrow from 11.090354888959125, graph 0 to 11.090354888959125, graph 1 nohead dt 3 lw 1.5 lc rgb word(colours, 2)
set label "d*" at 11.090354888959125, graph 1.03 center textcolor rgb word(colours, 2) font ",10"
set arrow from 16.635532333438686, graph 0 to 16.635532333438686, graph 1 nohead dt 3 lw 1.5 lc rgb word(colours, 3)
set label "d*" at 16.635532333438686, graph 1.03 center textcolor rgb word(colours, 3) font ",10"
set multiplot layout 1,2
set logscale x 2
set xrange [0.8:80]
set xlabel "dimension d"
set key bottom left Left reverse samplen 2 font ",10"
sel(k, s, c) = (column("keys") == k && strcol("scale") eq s) ? column(c) : 1/0
rem(x, k) = x <= 2 * log(k) ? 1 - x / (2 * log(k)) : 1/0
set ylabel "E[H(a)] / log N"
set yrange [0:1.05]
plot for [i = 1:words(keys)] "collapse.csv" using "d":(sel(word(keys, i) + 0, "none", "entropy_theory")) with lines lw 2 lc rgb word(colours, i) title sprintf("N = %s", word(keys, i)), \
     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "sqrt_d", "entropy_theory")) with lines lw 2 dt 2 lc rgb word(colours, i) notitle, \
     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "d", "entropy_theory")) with lines lw 2 dt 3 lc rgb word(colours, i) notitle, \
     for [s in "none sqrt_d d"] for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, s, "entropy")):(sel(word(keys, i) + 0, s, "entropy_se")) with yerrorbars pt 7 ps 0.5 lc rgb word(colours, i) notitle, \
     for [i = 1:words(keys)] rem(x, word(keys, i) + 0) with lines lw 1 lc rgb "#999999" title (i == 1 ? "REM limit, tau = 1" : ""), \
     1/0 with lines lw 2 lc rgb "black" title "tau = 1", 1/0 with lines lw 2 dt 2 lc rgb "black" title "tau = sqrt(d)", \
     1/0 with lines lw 2 dt 3 lc rgb "black" title "tau = d"
set logscale y
set yrange [1e-4:1.5]
set format y "10^{%T}"
set ylabel "E[sum a^2]  (1/N uniform, 1 one-hot)"
set key top left
plot for [i = 1:words(keys)] "collapse.csv" using "d":(sel(word(keys, i) + 0, "none", "participation_theory")) with lines lw 2 lc rgb word(colours, i) title sprintf("N = %s", word(keys, i)), \
     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "sqrt_d", "participation_theory")) with lines lw 2 dt 2 lc rgb word(colours, i) notitle, \
     for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, "d", "participation_theory")) with lines lw 2 dt 3 lc rgb word(colours, i) notitle, \
     for [s in "none sqrt_d d"] for [i = 1:words(keys)] "" using "d":(sel(word(keys, i) + 0, s, "participation")):(sel(word(keys, i) + 0, s, "participation_se")) with yerrorbars pt 7 ps 0.5 lc rgb word(colours, i) notitle
unset multiplot
