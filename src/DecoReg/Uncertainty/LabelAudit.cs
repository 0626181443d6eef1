using DecoReg.Evaluation;

using DecoReg.Inference;

namespace DecoReg.Uncertainty;

/// <summary>How a label audit ranks rows: the higher the score, the less plausible the recorded label.</summary>
public enum AuditScore
{
    /// <summary>−log p(y) under the cross-fitted predictive density, in the target's units.</summary>
    Surprise,

    /// <summary>−log of the two-sided tail probability 2·min(F(y), 1 − F(y)) of the label under its predictive CDF (scale-free).</summary>
    Tail,
}

/// <summary>One audited row: its label beside what a model that never saw it predicts, and how implausible the label is.</summary>
public sealed record AuditRow(int Row, double Label, double Median, double Low, double High, double Pit, double Surprise, double Tail, double Score);

/// <summary>
/// Ranks labelled rows by how implausible their label is under out-of-fold predictive distributions (each row scored
/// by a model that did not train on it, so a wrong label cannot explain itself). Gross errors land in the far tails
/// of their row's distribution: high surprise −log p(y), tiny tail probability.
/// </summary>
public static class LabelAudit
{
    /// <summary>Floor of the tail probability (a label beyond every decoded bin has tail 0).</summary>
    public const double TailFloor = 1e-12;

    /// <summary>
    /// The audit rows, most implausible first (ties: higher surprise first). <paramref name="logLikelihoods"/> are the
    /// rows' log-densities (teacher-forced, exact); <paramref name="level"/> the central interval reported beside them.
    /// </summary>
    public static AuditRow[] Rank(IReadOnlyList<Distribution> distributions, IReadOnlyList<double> labels,
        IReadOnlyList<double> logLikelihoods, AuditScore score = AuditScore.Surprise, double level = 0.9)
    {
        if (distributions.Count != labels.Count || labels.Count != logLikelihoods.Count)
            throw new ArgumentException("one distribution, label and log-likelihood per row is required");
        var rows = new AuditRow[labels.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var d = distributions[i];
            double pit = d.Cdf(labels[i]);
            double tail = -Math.Log(Math.Max(TailFloor, 2 * Math.Min(pit, 1 - pit)));
            double surprise = -logLikelihoods[i];
            var interval = d.Interval(level);
            rows[i] = new AuditRow(i, labels[i], d.Median, interval.Low, interval.High, pit, surprise, tail,
                score == AuditScore.Surprise ? surprise : tail);
        }
        return rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.Surprise).ThenBy(r => r.Row).ToArray();
    }

    /// <summary>
    /// Area under the ROC curve of a score for finding flagged rows (the probability that a flagged row outscores an
    /// unflagged one, ties counting half; Mann–Whitney). NaN when either group is empty.
    /// </summary>
    public static double Auroc(IReadOnlyList<double> scores, IReadOnlyList<bool> flagged)
    {
        var ranks = RankCorrelation.AverageRanks(scores);
        int positives = flagged.Count(f => f), negatives = flagged.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < ranks.Length; i++) if (flagged[i]) sum += ranks[i];
        return (sum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Fraction of flagged rows among the <paramref name="top"/> highest-ranked audit rows.</summary>
    public static double PrecisionAtTop(IReadOnlyList<AuditRow> ranked, IReadOnlyList<bool> flagged, int top)
    {
        top = Math.Min(top, ranked.Count);
        return top <= 0 ? double.NaN : ranked.Take(top).Count(r => flagged[r.Row]) / (double)top;
    }
}
