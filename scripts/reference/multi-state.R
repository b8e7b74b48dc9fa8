# Reference values for the multi-state Aalen–Johansen estimator (src/compute/survival/multi-state.ts).
# Run: Rscript scripts/reference/multi-state.R > src/compute/survival/multi-state.reference.json
# CI has no R: the output is committed and read by multi-state.test.ts.
# Each case: paths written by hand (id, re-entries, ties, censoring at a transition time), fitted
# with survfit(Surv(tstart, tstop, to) ~ 1, id = id, istate = from); pstate and the (infinitesimal
# jackknife) std.err read with summary(times = ...).
suppressMessages(library(survival))

num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")

# A path table: id, tstart, tstop, to ('censor' when censored), from.
case <- function(name, states, text, horizons, start = 0) {
  d <- read.table(text = text, header = TRUE, stringsAsFactors = FALSE)
  d$to <- factor(d$to, levels = c("censor", states))
  d$from <- factor(d$from, levels = states)
  f <- survfit(Surv(tstart, tstop, to) ~ 1, data = d, id = id, istate = from)
  stopifnot(identical(f$states, states))
  s <- summary(f, times = horizons, extend = TRUE)
  ids <- unique(d$id)
  subj <- sapply(ids, function(i) {
    r <- d[d$id == i, ]
    r <- r[order(r$tstart), ]
    tr <- r[r$to != "censor", ]
    sprintf('{"id": %d, "state0": %d, "exit": %s, "times": %s, "to": %s}', i,
            match(as.character(r$from[1]), states) - 1, sprintf("%.17g", max(r$tstop)),
            num(tr$tstop), num(match(as.character(tr$to), states) - 1))
  })
  pst <- paste(apply(s$pstate, 1, num), collapse = ", ")
  se <- paste(apply(s$std.err, 1, num), collapse = ", ")
  sprintf('{"name": "%s", "states": %d, "start": %s, "horizons": %s,\n "subjects": [%s],\n "pstate": [%s],\n "stdErr": [%s]}',
          name, length(states), sprintf("%.17g", start), num(horizons), paste(subj, collapse = ",\n  "), pst, se)
}

cases <- list()

# 1. Not at work ⇄ at work, plus an absorbing exit (moved abroad): re-entries into work, a tie of
#    two transitions in opposite directions at t = 3, a subject at work on day 0, censorings.
cases[[1]] <- case("re-entries, ties and an absorbing exit", c("notwork", "work", "abroad"), "
id tstart tstop to from
1 0 2 work notwork
1 2 5 notwork work
1 5 7 work notwork
1 7 9 censor work
2 0 3 work notwork
2 3 9 censor work
3 0 4 abroad notwork
4 0 1 notwork work
4 1 3 censor notwork
5 0 3 work notwork
5 3 3.5 notwork work
5 3.5 6 censor notwork
6 0 5 censor notwork
7 0 3 notwork work
7 3 4 work notwork
7 4 8 abroad work
", c(0.5, 2, 2.5, 3, 4, 6, 8, 10))

# 2. Two states only (the engine's at-work model): ties of entries, exits and censorings at the same
#    time (t = 2 and t = 6), a subject censored at the time another one transitions, three spells.
cases[[2]] <- case("two states, ties with censoring", c("notwork", "work"), "
id tstart tstop to from
1 0 2 work notwork
1 2 4 notwork work
1 4 6 work notwork
1 6 12 censor work
2 0 2 work notwork
2 2 6 notwork work
2 6 10 censor notwork
3 0 2 censor notwork
4 0 6 work notwork
4 6 7 censor work
5 0 1 work notwork
5 1 2 notwork work
5 2 3 work notwork
5 3 6 notwork work
5 6 11 work notwork
5 11 12 censor work
6 0 12 censor notwork
7 0 6 censor work
8 0 5 notwork work
8 5 9 censor notwork
", c(1, 2, 3, 6, 7, 9.5, 12))

# 3. A landmark fit: everyone at work at the landmark time 24 (the durable variant's second factor).
cases[[3]] <- case("landmark at 24: all at work", c("notwork", "work"), "
id tstart tstop to from
1 24 26 notwork work
1 26 29 work notwork
1 29 31 censor work
2 24 30 censor work
3 24 25 notwork work
3 25 32 censor notwork
4 24 27 censor work
5 24 26 notwork work
5 26 33 censor notwork
6 24 28.5 notwork work
6 28.5 30 work notwork
6 30 36 censor work
", c(25, 27, 30, 33), start = 24)

# 4. A larger random two-state case (fixed seed): exponential sojourns, uniform censoring, ties from
#    rounding to tenths of a month.
set.seed(12)
rows <- list()
for (i in 1:120) {
  cens <- round(runif(1, 3, 30), 1)
  s <- if (runif(1) < 0.15) "work" else "notwork"
  t <- 0
  repeat {
    t2 <- round(t + rexp(1, if (s == "notwork") 0.12 else 0.05), 1)
    if (t2 <= t) t2 <- t + 0.1
    if (t2 >= cens) { rows[[length(rows) + 1]] <- data.frame(id = i, tstart = t, tstop = cens, to = "censor", from = s); break }
    to <- if (s == "notwork") "work" else "notwork"
    rows[[length(rows) + 1]] <- data.frame(id = i, tstart = t, tstop = t2, to = to, from = s)
    t <- t2; s <- to
  }
}
d4 <- do.call(rbind, rows)
tc <- textConnection("txt", "w"); write.table(d4, tc, row.names = FALSE, quote = FALSE); close(tc)
cases[[4]] <- case("random, 120 subjects, seed 12", c("notwork", "work"), paste(txt, collapse = "\n"), c(3, 6, 12, 18, 24, 29))

cat("[\n", paste(cases, collapse = ",\n"), "\n]\n", sep = "")
