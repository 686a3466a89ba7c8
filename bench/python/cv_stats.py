"""Binary-classification metrics and small statistics for the benchmarks, in plain Python.

Debian's python3-torch comes without scikit-learn or SciPy, and the benchmarks must score both
sides (CXR Studio's engine and the seed pipeline) with one and the same code, so the few formulas
they need live here: ROC AUC as the Mann-Whitney statistic (ties count one half), accuracy,
sensitivity and specificity at a threshold, mean and sample standard deviation, Student's t
quantile and the t-interval of a mean (used for the paired AUC difference).
"""
import math


def roc_auc(labels, scores):
    """P(score of a random positive > score of a random negative), ties counting 1/2 (the area
    under the empirical ROC curve). None when a class is missing."""
    pos = sum(1 for y in labels if y == 1)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return None
    # Mid-ranks over the pooled scores; the positives' rank sum gives the U statistic.
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            ranks[order[k]] = mid
        i = j + 1
    rank_sum = sum(r for r, y in zip(ranks, labels) if y == 1)
    u = rank_sum - pos * (pos + 1) / 2.0
    return u / (pos * neg)


def binary_metrics(labels, probs, threshold=0.5):
    """labels: 0/1 (1 = positive class); probs: P(positive). A film is called positive when its
    probability is at least `threshold` (0.5 is argmax for two classes up to exact ties)."""
    if len(labels) != len(probs):
        raise ValueError("labels and probabilities differ in length")
    tp = sum(1 for y, p in zip(labels, probs) if y == 1 and p >= threshold)
    fn = sum(1 for y, p in zip(labels, probs) if y == 1 and p < threshold)
    tn = sum(1 for y, p in zip(labels, probs) if y == 0 and p < threshold)
    fp = sum(1 for y, p in zip(labels, probs) if y == 0 and p >= threshold)
    n = len(labels)
    return {"films": n, "auc": roc_auc(labels, probs),
            "accuracy": (tp + tn) / n if n else None,
            "sensitivity": tp / (tp + fn) if tp + fn else None,
            "specificity": tn / (tn + fp) if tn + fp else None,
            "tp": tp, "fn": fn, "tn": tn, "fp": fp}


def mean_sd(values):
    """(mean, sample sd); sd is None for fewer than two values, both None for none."""
    v = [x for x in values if x is not None]
    if not v:
        return None, None
    m = sum(v) / len(v)
    if len(v) < 2:
        return m, None
    return m, math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1))


def _t_cdf(t, df):
    """Student's t CDF through the regularised incomplete beta function (continued fraction,
    Numerical Recipes' betacf), accurate to ~1e-12 for the degrees of freedom used here."""
    x = df / (df + t * t)
    a, b = df / 2.0, 0.5
    ln_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)

    def betacf(a, b, x):
        tiny = 1e-300
        c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
        d = 1.0 / (d if abs(d) > tiny else tiny)
        h = d
        for m in range(1, 500):
            m2 = 2 * m
            aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            delta = d * c
            h *= delta
            if abs(delta - 1.0) < 1e-15:
                break
        return h

    if x < (a + 1.0) / (a + b + 2.0):
        ibeta = math.exp(ln_front) * betacf(a, b, x) / a
    else:
        ibeta = 1.0 - math.exp(ln_front) * betacf(b, a, 1.0 - x) / b
    # ibeta = P(|T| > |t|)
    return 1.0 - 0.5 * ibeta if t >= 0 else 0.5 * ibeta


def t_quantile(p, df):
    """The p-quantile of Student's t with df degrees of freedom (bisection on the CDF)."""
    if not 0 < p < 1 or df <= 0:
        raise ValueError("t_quantile needs 0 < p < 1 and df > 0")
    if p == 0.5:
        return 0.0
    lo, hi = -1.0, 1.0
    while _t_cdf(lo, df) > p:
        lo *= 2
    while _t_cdf(hi, df) < p:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if _t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2


def t_interval(values, level=0.95):
    """Mean and the two-sided t-interval of the mean; (mean, None, None) for fewer than two
    values (one pair says nothing about the spread)."""
    m, sd = mean_sd(values)
    n = len([x for x in values if x is not None])
    if m is None or sd is None:
        return m, None, None
    half = t_quantile(0.5 + level / 2, n - 1) * sd / math.sqrt(n)
    return m, m - half, m + half
