using static TorchSharp.torch;

namespace DecoReg.Model;

/// <summary>
/// The one place rows meet the members of an efficient ensemble (<see cref="TransformerOptions.Members"/>): a batch of
/// B rows becomes B·k rows, row r read by member m at position r·k + m, so every member sees every row in one forward
/// pass; and the k members' results of a row become the row's equal-weight mixture.
/// </summary>
public static class MemberBatches
{
    /// <summary>Every row repeated once per member (row-major), tagged with its member; the batch itself when k = 1.</summary>
    public static InputBatch Expand(InputBatch input, int members)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (members == 1) return input;
        return Tagged(input, RowIndex(input.Count, members), members, torch.arange(members, ScalarType.Int64).repeat(input.Count));
    }

    /// <summary>
    /// For a training step: every row read by <paramref name="perRow"/> of the <paramref name="members"/> members, drawn
    /// per row without replacement from the seeded libtorch generator (row r's draws at positions r·perRow …); with the
    /// row index to gather per-row tensors (targets) alike. All members when <paramref name="perRow"/> is 0 or ≥ k.
    /// </summary>
    public static (InputBatch Batch, Tensor Rows) Sample(InputBatch input, int members, int perRow)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (perRow <= 0 || perRow >= members) return (Expand(input, members), RowIndex(input.Count, members));
        var rows = RowIndex(input.Count, perRow);
        var drawn = torch.rand(input.Count, members).argsort(1).narrow(1, 0, perRow).reshape(-1);
        return (Tagged(input, rows, perRow, drawn), rows);
    }

    /// <summary>The rows at <paramref name="rows"/> (each source row <paramref name="copies"/> times in a row), copy i read by member <paramref name="members"/>[i].</summary>
    private static InputBatch Tagged(InputBatch input, Tensor rows, int copies, Tensor members)
    {
        if (input.Members is not null) throw new ArgumentException("the batch is already expanded to members", nameof(input));
        var expanded = input.Select(rows);
        return new InputBatch(expanded.Tokens, expanded.Values, expanded.Padding, expanded.Lengths, expanded.Bag, expanded.BagWeights)
        {
            Members = members,
            SourceRows = Enumerable.Range(0, (int)input.Count).SelectMany(r => Enumerable.Repeat(r, copies)).ToArray(),
        };
    }

    /// <summary>Rows of a per-row tensor (targets, grammar states) repeated like <see cref="Expand"/>.</summary>
    public static Tensor ExpandRows(Tensor perRow, int members) =>
        members == 1 ? perRow : perRow.repeat_interleave(members, dim: 0);

    /// <summary>
    /// The mixture's log-probability of each row from its members' ([B·k] → [B]): log((1/k) Σ_m exp(x_{r·k+m})).
    /// </summary>
    public static Tensor MixLogProbabilities(Tensor perMember, int members) =>
        members == 1 ? perMember : perMember.view(-1, members).logsumexp(1).Plus(-Math.Log(members));

    private static Tensor RowIndex(long rows, int members) =>
        torch.arange(rows, ScalarType.Int64).repeat_interleave(members);
}
