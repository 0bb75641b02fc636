set terminal svg size 624,452 fixed enhanced font "Helvetica,13.3" linewidth 1 background rgb "white"
pscale = 0.55
kspace = 0.82
set output "aligned.svg"
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
set lmargin at screen 0.1186; set rmargin at screen 0.9744
set tmargin at screen 0.9823; set bmargin at screen 0.2741
set logscale x 2
set xrange [0.7320428479728127:699.4126114582505]
set xtics ("1" 1, "2" 2, "4" 4, "8" 8, "16" 16, "32" 32, "64" 64, "128" 128, "256" 256, "512" 512)
set logscale y 10
set xlabel "dimension {/:Italic d}"
set ylabel "aligned key's weight"
sel(s) = (strcol("scale") eq s) ? column("aligned_weight") : 1/0
shown(x) = (strcol("scale") eq "none" || strcol("scale") eq "sqrt_d" || strcol("scale") eq "d") ? x : 1/0
set autoscale y
stats "aligned.csv" using (shown(min(max(column("aligned_weight") - column("aligned_weight_se"), column("aligned_weight") / 2), 0.02550276692707542))) nooutput
ylo = STATS_min
stats "aligned.csv" using (shown(max(column("aligned_weight") + column("aligned_weight_se"), 0.02550276692707542))) nooutput
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

plot "aligned.csv" using "d":(sel("none")):"aligned_weight_se" with yerrorlines ls 2 notitle, \
     "aligned.csv" using "d":(sel("sqrt_d")):"aligned_weight_se" with yerrorlines ls 1 notitle, \
     "aligned.csv" using "d":(sel("d")):"aligned_weight_se" with yerrorlines ls 3 notitle, \
     0.02550276692707542 with lines lc rgb "#009e73" dt 3 lw 1.5 notitle
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
set tmargin at screen 0.1444; set bmargin at screen 0
set key inside center top vertical maxrows 2 Left reverse samplen 2.5 width 0 spacing kspace nobox noopaque title "{/:Italic ρ} = 0.5, {/:Italic N} = 64 keys" center
plot NaN with linespoints ls 2 title "{/:Italic τ} = 1", \
     NaN with linespoints ls 1 title "{/:Italic τ} = √{/:Italic d}", \
     NaN with linespoints ls 3 title "{/:Italic τ} = {/:Italic d}", \
     NaN with lines lc rgb "#009e73" dt 3 lw 1.5 title "limit at {/:Italic τ} = {/:Italic d} (0.0255)"
unset multiplot
