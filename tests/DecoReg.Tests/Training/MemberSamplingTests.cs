using DecoReg.Model;
using DecoReg.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Training;

/// <summary>
/// Members per row (<see cref="TrainingOptions.MembersPerRow"/>): the default for single-task MLP tables under 5,000
/// training rows is half the members; a training step reads each row with that many distinct members drawn at random (seeded), the loss is
/// unbiased for the all-member loss, and evaluation always reads every member.
/// </summary>
public class MemberSamplingTests
{
    private static int PerRow(RegressorOptions options, int rows = 500, bool tableRows = true) =>
        MemberSampling.Apply(LargeTables.Apply(options.ToPlan(), rows, tableRows), rows, tableRows).Training.MembersPerRow;

    [Fact]
    public void SingleTaskMlpTables_ReadHalfTheirMembersPerRow_OtherCasesEveryMember()
    {
        var defaults = new RegressorOptions();
        Assert.Equal(4, PerRow(defaults));                                        // 8 members
        Assert.Equal(4, PerRow(defaults, LargeTables.Rows - 1));
        Assert.Equal(0, PerRow(defaults, LargeTables.Rows));                       // large tables: every member
        Assert.Equal(3, PerRow(defaults with { Network = new TransformerOptions { Members = 5 } }));
        Assert.Equal(0, PerRow(defaults with { Network = new TransformerOptions { Members = 1 } }));
        Assert.Equal(0, PerRow(defaults, tableRows: false));                       // text
        Assert.Equal(0, PerRow(defaults with { Network = new TransformerOptions { Backbone = BackboneKind.Transformer, Members = 4 } }));
        Assert.Equal(0, PerRow(defaults with { TaskColumn = "task" }));            // multi-task pretraining
        Assert.Equal(7, PerRow(defaults with { Training = new TrainingOptions { MembersPerRow = 7 } }));
        Assert.Equal(0, new RegressorOptions().Training.MembersPerRow);            // the user's options are not rewritten
        Assert.Throws<DecoRegException>(() => new TrainingOptions { MembersPerRow = -1 }.Validate());
    }

    [Fact]
    public void Sample_DrawsDistinctMembersPerRow_Seeded_AndAllMembersWhenAskedForAsMany()
    {
        using var scope = torch.NewDisposeScope();
        var input = new InputBatch(torch.tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [3, 2]), torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]));
        torch.manual_seed(11);
        var (batch, rows) = MemberBatches.Sample(input, members: 8, perRow: 3);
        Assert.Equal(new long[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, rows.data<long>().ToArray());
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], batch.SourceRows!);
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 5, 6, 5, 6, 5, 6 }, batch.Tokens.data<long>().ToArray());
        var members = batch.Members!.data<long>().ToArray();
        for (int r = 0; r < 3; r++)
        {
            var mine = members.Skip(3 * r).Take(3).ToArray();
            Assert.Equal(3, mine.Distinct().Count());
            Assert.All(mine, m => Assert.InRange(m, 0, 7));
        }
        torch.manual_seed(11);
        Assert.Equal(members, MemberBatches.Sample(input, 8, 3).Batch.Members!.data<long>().ToArray());

        // Over many draws every member is read about equally often.
        var counts = new int[8];
        for (int i = 0; i < 400; i++)
            foreach (var m in MemberBatches.Sample(input, 8, 3).Batch.Members!.data<long>().ToArray()) counts[m]++;
        Assert.All(counts, c => Assert.InRange(c, 400 * 9 / 8 * 0.8, 400 * 9 / 8 * 1.2));

        foreach (int all in new[] { 0, 8, 9 })
        {
            var (full, fullRows) = MemberBatches.Sample(input, 8, all);
            Assert.Equal(MemberBatches.Expand(input, 8).Members!.data<long>().ToArray(), full.Members!.data<long>().ToArray());
            Assert.Equal(24, fullRows.shape[0]);
        }
    }

    [Fact]
    public void TheObjective_SamplesOnlyInTraining_AndItsSampledLossIsUnbiased()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var options = new TransformerOptions { ModelDim = 16, Heads = 4, FeedForwardDim = 32, Backbone = BackboneKind.Mlp, Members = 4, MlpWidth = 32, DecoderLayers = 1, Dropout = 0 };
        var codec = new DecoReg.Numbers.NormalizedCodec(new DecoReg.Numbers.NormalizedCodecOptions(10, 2));
        using var network = new EncoderDecoder(new TabularEmbedding(6, 3, [0, 2, 4], options), options, codec.VocabularySize, codec.Length);
        using var grammar = new GrammarTensors(codec.Grammar);
        var rng = new Random(3);
        var tokens = torch.tensor(Enumerable.Range(0, 6 * 3).Select(i => (long)(i % 3 * 2)).ToArray(), [6, 3]);
        var batch = new TrainingBatch(new InputBatch(tokens, torch.randn(6, 3)),
            torch.tensor(Enumerable.Range(0, 12).Select(_ => (long)rng.Next(10)).ToArray(), [6, 2]),
            torch.tensor(Enumerable.Range(0, 12).Select(i => (long)(i % 2)).ToArray(), [6, 2]), null);
        var all = new DecoderObjective(network, grammar);
        var sampled = new DecoderObjective(network, grammar, membersPerRow: 1);
        using (torch.no_grad())
        {
            network.eval();
            double full = all.Loss(batch).item<float>();
            Assert.Equal(full, sampled.Loss(batch).item<float>());   // evaluation reads every member

            network.train();   // no dropout: training mode differs only by the draw of members
            Assert.Equal(full, all.Loss(batch).item<float>(), 5);
            var draws = Enumerable.Range(0, 600).Select(_ => (double)sampled.Loss(batch).item<float>()).ToArray();
            Assert.True(draws.Distinct().Count() > 10, "one member per row: the loss depends on the draw");
            double mean = draws.Average(), se = Math.Sqrt(draws.Average(d => (d - mean) * (d - mean)) / draws.Length);
            Assert.True(Math.Abs(mean - full) < 4 * se + 1e-4, $"mean sampled loss {mean:F5} ± {se:F5}, all members {full:F5}");
        }
    }
}
