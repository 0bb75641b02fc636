set terminal svg size 624,447 fixed enhanced font "Helvetica,13.3" linewidth 1 background rgb "white"
pscale = 0.55
kspace = 0.82
set output "variance.svg"
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
set lmargin at screen 0.1335; set rmargin at screen 0.9744
set tmargin at screen 0.9821; set bmargin at screen 0.2775
set logscale x 2
set xrange [0.7320428479728127:699.4126114582505]
set xtics ("1" 1, "2" 2, "4" 4, "8" 8, "16" 16, "32" 32, "64" 64, "128" 128, "256" 256, "512" 512)
set logscale y 10
set xlabel "dimension {/:Italic d}"
set ylabel "Var({/:Italic q}^T{/:Italic k})"
sel(mu, s, c) = (column("mu") == mu && column("sigma") == s) ? column(c) : 1/0
shown(x) = ((column("mu") == 0 && column("sigma") == 1) || (column("mu") == 0.5 && column("sigma") == 1) || (column("mu") == 1 && column("sigma") == 1) || (column("mu") == 0 && column("sigma") == 2)) ? x : 1/0
set autoscale y
stats "moments.csv" using (shown(min(max(column("var_est") - column("var_se"), column("var_est") / 2), column("var_theory")))) nooutput
ylo = STATS_min
stats "moments.csv" using (shown(max(column("var_est") + column("var_se"), column("var_theory")))) nooutput
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

plot "moments.csv" using "d":(sel(0, 1, "var_theory")) with lines ls 1 dt 2 lw 1 notitle, \
     "moments.csv" using "d":(sel(0.5, 1, "var_theory")) with lines ls 2 dt 2 lw 1 notitle, \
     "moments.csv" using "d":(sel(1, 1, "var_theory")) with lines ls 3 dt 2 lw 1 notitle, \
     "moments.csv" using "d":(sel(0, 2, "var_theory")) with lines ls 5 dt 2 lw 1 notitle, \
     "moments.csv" using "d":(sel(0, 1, "var_est")):(column("var_se")) with yerrorbars ls 1 dt 1 notitle, \
     "moments.csv" using "d":(sel(0.5, 1, "var_est")):(column("var_se")) with yerrorbars ls 2 dt 1 notitle, \
     "moments.csv" using "d":(sel(1, 1, "var_est")):(column("var_se")) with yerrorbars ls 3 dt 1 notitle, \
     "moments.csv" using "d":(sel(0, 2, "var_est")):(column("var_se")) with yerrorbars ls 5 dt 1 notitle
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
set tmargin at screen 0.1462; set bmargin at screen 0
set key inside center top vertical maxrows 3 Left reverse samplen 2.5 width 0 spacing kspace nobox noopaque
plot NaN with linespoints ls 1 dt 2 lw 1 title "{/:Italic μ} = 0, {/:Italic σ} = 1", \
     NaN with linespoints ls 2 dt 2 lw 1 title "{/:Italic μ} = 0.5, {/:Italic σ} = 1", \
     NaN with linespoints ls 3 dt 2 lw 1 title "{/:Italic μ} = 1, {/:Italic σ} = 1", \
     NaN with linespoints ls 5 dt 2 lw 1 title "{/:Italic μ} = 0, {/:Italic σ} = 2", \
     NaN with lines lc rgb "#444444" dt 2 lw 1 title "closed form {/:Italic d}({/:Italic σ}^4 + 2{/:Italic μ}^2{/:Italic σ}^2)"
unset multiplot
