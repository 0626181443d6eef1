using System.Globalization;
using DecoReg.Evaluation;
using Spectre.Console;

namespace DecoReg.Cli;

/// <summary>Renders a <see cref="MetricsReport"/> as a console table.</summary>
public static class MetricsView
{
    public static Table Build(MetricsReport m, string title)
    {
        var table = new Table().Title(title).AddColumns("metric", "value");
        table.Columns[1].RightAligned();
        void Row(string k, string v) => table.AddRow(new Text(k), new Text(v));
        Row("rows", m.Rows.ToString(CultureInfo.InvariantCulture));
        Row("RMSE (mean)", F(m.Rmse));
        Row("MAE (median)", F(m.Mae));
        Row("R²", F(m.R2));
        Row("Kendall τ (median)", F(m.KendallTau));
        Row("Spearman ρ (median)", F(m.Spearman));
        Row("NLL (per row, target units)", F(m.Nll));
        Row("CRPS", F(m.Crps));
        foreach (var level in m.Coverage.Keys.Order())
        {
            string pct = (level * 100).ToString("0.##", CultureInfo.InvariantCulture);
            Row($"{pct} % interval coverage", F(m.Coverage[level]));
            Row($"{pct} % interval mean width", F(m.IntervalWidth[level]));
        }
        return table;
    }

    public static string F(double v) => double.IsFinite(v) ? v.ToString("G5", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
}
