using System.Text;
using System.Text.Json.Nodes;

namespace DecoReg.Bench.Uncertainty;

/// <summary>
/// One part of the <c>uncertainty</c> suite (conformal intervals, selective regression, …): what it measures on one
/// data set and split (a flat JSON object of figures, recorded in the store), the line logged after it, and its
/// section and figure in the report. A new part is one file implementing this and one line in <see cref="UncertaintyParts.All"/>.
/// </summary>
public interface IUncertaintyPart
{
    /// <summary>The name in <c>--parts</c>, the store and the report.</summary>
    string Name { get; }

    /// <summary>Measures one split (models come from <paramref name="split"/>, trained once and shared by the parts).</summary>
    JsonObject Run(UncertaintySplit split);

    /// <summary>Whether the part runs on this data set and split (default: every one); costly parts run on fewer.</summary>
    bool AppliesTo(string dataset, int split) => true;

    /// <summary>One log line for a finished run.</summary>
    string Line(UncertaintyRun run);

    /// <summary>
    /// Appends the part's report section (method, per-set table over splits, verdict on the target) from its own
    /// <paramref name="runs"/>; <paramref name="all"/> holds every part's, for a section that sets its figures beside another's.
    /// </summary>
    void Report(StringBuilder sb, IReadOnlyList<UncertaintyRun> runs, IReadOnlyList<UncertaintyRun> all);

    /// <summary>The part's figure, or null when it has none.</summary>
    ScottPlot.Plot? Plot(IReadOnlyList<UncertaintyRun> runs);
}
