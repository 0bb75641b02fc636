set terminal svg size 624,323 fixed enhanced font "Helvetica,13.3" linewidth 1 background rgb "white"
pscale = 0.55
kspace = 0.82
set output "collapse.svg"
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
set xrange [0.8122523963562355:78.79324245407464]
set xtics ("1" 1, "2" 2, "4" 4, "8" 8, "16" 16, "32" 32, "64" 64)
set arrow 1 from 5.545177444479562, graph 0 to 5.545177444479562, graph 1 nohead lt 1 lw 0.8 dt (2, 3, 8, 3) lc rgb "#777777" back
set label 2 "{/*0.85 {/:Italic d}*_{16}}" at 5.545177444479562, graph 1 center offset 0, 0.6
set arrow 2 from 11.090354888959125, graph 0 to 11.090354888959125, graph 1 nohead lt 1 lw 0.8 dt (2, 3, 8, 3) lc rgb "#777777" back
set label 3 "{/*0.85 {/:Italic d}*_{256}}" at 11.090354888959125, graph 1 center offset 0, 1.7
set arrow 3 from 16.635532333438686, graph 0 to 16.635532333438686, graph 1 nohead lt 1 lw 0.8 dt (2, 3, 8, 3) lc rgb "#777777" back
set label 4 "{/*0.85 {/:Italic d}*_{4096}}" at 16.635532333438686, graph 1 center offset 0, 0.6
set arrow 4 from 22.18070977791825, graph 0 to 22.18070977791825, graph 1 nohead lt 1 lw 0.8 dt (2, 3, 8, 3) lc rgb "#777777" back
set label 5 "{/*0.85 {/:Italic d}*_{65536}}" at 22.18070977791825, graph 1 center offset 0, 1.7
set xlabel "dimension {/:Italic d}"
set samples 400
sel(k, s, c) = (column("keys") == k && strcol("scale") eq s) ? column(c) : 1/0
shown(x) = (strcol("scale") eq "none" || strcol("scale") eq "sqrt_d" || strcol("scale") eq "d") ? x : 1/0
rem(x, k) = x <= 2 * log(k) ? 1 - x / (2 * log(k)) : 1/0
set lmargin at screen 0.1335; set rmargin at screen 0.4808
set tmargin at screen 0.8617; set bmargin at screen 0.3834
set ylabel "E[{/:Italic H}({/:Italic a})] / log {/:Italic N}"
unset logscale y
set autoscale y
stats "collapse.csv" using (shown(min(column("entropy") - column("entropy_se"), column("entropy_theory")))) nooutput
ylo = STATS_min
stats "collapse.csv" using (shown(max(column("entropy") + column("entropy_se"), column("entropy_theory")))) nooutput
yhi = STATS_max
set format y "%g"
set ytics autofreq
yr = (yhi > ylo ? yhi - ylo : abs(yhi) + 1) * 0.06
set yrange [ylo - yr : yhi + yr]
raw = (yhi - ylo + 2 * yr) / 4
p = 10.0 ** floor(log10(raw))
yst = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 2.5 ? 2.5 * p : raw / p <= 5 ? 5 * p : 10 * p
set ytics yst

plot "collapse.csv" using "d":(sel(16, "none", "entropy_theory")) with lines ls 1 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(16, "none", "entropy")):(sel(16, "none", "entropy_se")) with yerrorbars ls 1 notitle, \
     "collapse.csv" using "d":(sel(256, "none", "entropy_theory")) with lines ls 2 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(256, "none", "entropy")):(sel(256, "none", "entropy_se")) with yerrorbars ls 2 notitle, \
     "collapse.csv" using "d":(sel(4096, "none", "entropy_theory")) with lines ls 3 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(4096, "none", "entropy")):(sel(4096, "none", "entropy_se")) with yerrorbars ls 3 notitle, \
     "collapse.csv" using "d":(sel(65536, "none", "entropy_theory")) with lines ls 4 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(65536, "none", "entropy")):(sel(65536, "none", "entropy_se")) with yerrorbars ls 4 notitle, \
     "collapse.csv" using "d":(sel(16, "sqrt_d", "entropy_theory")) with lines ls 1 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(16, "sqrt_d", "entropy")):(sel(16, "sqrt_d", "entropy_se")) with yerrorbars ls 1 notitle, \
     "collapse.csv" using "d":(sel(256, "sqrt_d", "entropy_theory")) with lines ls 2 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(256, "sqrt_d", "entropy")):(sel(256, "sqrt_d", "entropy_se")) with yerrorbars ls 2 notitle, \
     "collapse.csv" using "d":(sel(4096, "sqrt_d", "entropy_theory")) with lines ls 3 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(4096, "sqrt_d", "entropy")):(sel(4096, "sqrt_d", "entropy_se")) with yerrorbars ls 3 notitle, \
     "collapse.csv" using "d":(sel(65536, "sqrt_d", "entropy_theory")) with lines ls 4 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(65536, "sqrt_d", "entropy")):(sel(65536, "sqrt_d", "entropy_se")) with yerrorbars ls 4 notitle, \
     "collapse.csv" using "d":(sel(16, "d", "entropy_theory")) with lines ls 1 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(16, "d", "entropy")):(sel(16, "d", "entropy_se")) with yerrorbars ls 1 notitle, \
     "collapse.csv" using "d":(sel(256, "d", "entropy_theory")) with lines ls 2 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(256, "d", "entropy")):(sel(256, "d", "entropy_se")) with yerrorbars ls 2 notitle, \
     "collapse.csv" using "d":(sel(4096, "d", "entropy_theory")) with lines ls 3 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(4096, "d", "entropy")):(sel(4096, "d", "entropy_se")) with yerrorbars ls 3 notitle, \
     "collapse.csv" using "d":(sel(65536, "d", "entropy_theory")) with lines ls 4 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(65536, "d", "entropy")):(sel(65536, "d", "entropy_se")) with yerrorbars ls 4 notitle, \
     rem(x, 16) with lines lw 1 lc rgb "#999999" dt 1 notitle, \
     rem(x, 256) with lines lw 1 lc rgb "#999999" dt 1 notitle, \
     rem(x, 4096) with lines lw 1 lc rgb "#999999" dt 1 notitle, \
     rem(x, 65536) with lines lw 1 lc rgb "#999999" dt 1 notitle
set xlabel "dimension {/:Italic d}"
set lmargin at screen 0.6271; set rmargin at screen 0.9744
set tmargin at screen 0.8617; set bmargin at screen 0.3834
set ylabel "E[Σ{/:Italic a}_{/:Italic i}^2]"
set logscale y 10
set autoscale y
stats "collapse.csv" using (shown(min(max(column("participation") - column("participation_se"), column("participation") / 2), column("participation_theory")))) nooutput
ylo = STATS_min
stats "collapse.csv" using (shown(max(column("participation") + column("participation_se"), column("participation_theory")))) nooutput
yhi = STATS_max
set format y "%g"
set ytics autofreq
yr = (yhi > ylo ? yhi / ylo : 4) ** 0.06
ya = ylo / yr
yb = yhi * yr
set yrange [ya : yb]
if (yb / ya >= 1000) {
    set format y "10^{%T}"
} else {
    t = ""
    if (yb / ya >= 4) {
        ms = yb / ya >= 30 ? "1 3" : "1 2 5"
        do for [e = floor(log10(ya)) : ceil(log10(yb))] {
            do for [m in ms] {
                v = (m + 0) * 10.0 ** e
                if (v >= ya && v <= yb) { t = t . sprintf(', "%g" %.12g', v, v) }
            }
        }
    } else {
        raw = (yb - ya) / 4
        p = 10.0 ** floor(log10(raw))
        st = p * (raw / p < 1.5 ? 1 : raw / p < 3.5 ? 2 : raw / p < 7.5 ? 5 : 10)
        do for [j = ceil(ya / st) : floor(yb / st)] { t = t . sprintf(', "%g" %.12g', j * st, j * st) }
    }
    eval "set ytics (" . t[3:] . ")"
}

plot "collapse.csv" using "d":(sel(16, "none", "participation_theory")) with lines ls 1 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(16, "none", "participation")):(sel(16, "none", "participation_se")) with yerrorbars ls 1 notitle, \
     "collapse.csv" using "d":(sel(256, "none", "participation_theory")) with lines ls 2 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(256, "none", "participation")):(sel(256, "none", "participation_se")) with yerrorbars ls 2 notitle, \
     "collapse.csv" using "d":(sel(4096, "none", "participation_theory")) with lines ls 3 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(4096, "none", "participation")):(sel(4096, "none", "participation_se")) with yerrorbars ls 3 notitle, \
     "collapse.csv" using "d":(sel(65536, "none", "participation_theory")) with lines ls 4 dt 1 lw 1.2 notitle, \
     "" using "d":(sel(65536, "none", "participation")):(sel(65536, "none", "participation_se")) with yerrorbars ls 4 notitle, \
     "collapse.csv" using "d":(sel(16, "sqrt_d", "participation_theory")) with lines ls 1 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(16, "sqrt_d", "participation")):(sel(16, "sqrt_d", "participation_se")) with yerrorbars ls 1 notitle, \
     "collapse.csv" using "d":(sel(256, "sqrt_d", "participation_theory")) with lines ls 2 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(256, "sqrt_d", "participation")):(sel(256, "sqrt_d", "participation_se")) with yerrorbars ls 2 notitle, \
     "collapse.csv" using "d":(sel(4096, "sqrt_d", "participation_theory")) with lines ls 3 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(4096, "sqrt_d", "participation")):(sel(4096, "sqrt_d", "participation_se")) with yerrorbars ls 3 notitle, \
     "collapse.csv" using "d":(sel(65536, "sqrt_d", "participation_theory")) with lines ls 4 dt 2 lw 1.2 notitle, \
     "" using "d":(sel(65536, "sqrt_d", "participation")):(sel(65536, "sqrt_d", "participation_se")) with yerrorbars ls 4 notitle, \
     "collapse.csv" using "d":(sel(16, "d", "participation_theory")) with lines ls 1 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(16, "d", "participation")):(sel(16, "d", "participation_se")) with yerrorbars ls 1 notitle, \
     "collapse.csv" using "d":(sel(256, "d", "participation_theory")) with lines ls 2 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(256, "d", "participation")):(sel(256, "d", "participation_se")) with yerrorbars ls 2 notitle, \
     "collapse.csv" using "d":(sel(4096, "d", "participation_theory")) with lines ls 3 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(4096, "d", "participation")):(sel(4096, "d", "participation_se")) with yerrorbars ls 3 notitle, \
     "collapse.csv" using "d":(sel(65536, "d", "participation_theory")) with lines ls 4 dt 3 lw 1.2 notitle, \
     "" using "d":(sel(65536, "d", "participation")):(sel(65536, "d", "participation_se")) with yerrorbars ls 4 notitle
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
set tmargin at screen 0.2020; set bmargin at screen 0
set key inside center top vertical maxrows 3 Left reverse samplen 2.5 width 0 spacing kspace nobox noopaque
plot NaN with linespoints ls 1 dt 1 title "{/:Italic N} = 16", \
     NaN with linespoints ls 2 dt 1 title "{/:Italic N} = 256", \
     NaN with linespoints ls 3 dt 1 title "{/:Italic N} = 4096", \
     NaN with linespoints ls 4 dt 1 title "{/:Italic N} = 65536", \
     NaN with lines lc rgb "black" lw 1.2 dt 1 title "{/:Italic τ} = 1", \
     NaN with lines lc rgb "black" lw 1.2 dt 2 title "{/:Italic τ} = √{/:Italic d}", \
     NaN with lines lc rgb "black" lw 1.2 dt 3 title "{/:Italic τ} = {/:Italic d}", \
     NaN with lines lc rgb "#999999" lw 1 dt 1 title "REM limit, {/:Italic τ} = 1"
unset multiplot
