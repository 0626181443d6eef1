using DecoReg.Data;
using DecoReg.Inference;
using DecoReg.Model;
using DecoReg.Tests.Data;
using DecoReg.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Model;

/// <summary>
/// Members of an efficient ensemble (one network, per-member input scales): rows meet members in one fixed layout,
/// the likelihood is the members' mixture, decoding gives that same mixture, a model file keeps it, and on real data
/// the members beat one member.
/// </summary>
public class EfficientEnsembleTests
{
    private static RegressorOptions Options(BackboneKind backbone, int members, int epochs) => new()
    {
        Network = new TransformerOptions { ModelDim = 32, Heads = 4, FeedForwardDim = 64, Backbone = backbone, Members = members, MlpWidth = 64 },
        Training = new TrainingOptions { Epochs = epochs, Patience = epochs },
        Threads = 1,
    };

    [Fact]
    public void Expand_RepeatsEachRowOncePerMember_AndMixingIsLogMeanExp()
    {
        using var scope = torch.NewDisposeScope();
        var input = new InputBatch(torch.tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [3, 2]), torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]));
        var expanded = MemberBatches.Expand(input, 2);
        Assert.Equal(new long[] { 1, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6 }, expanded.Tokens.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 0, 1, 0, 1 }, expanded.Members!.data<long>().ToArray());
        Assert.Same(input, MemberBatches.Expand(input, 1));
        Assert.Throws<ArgumentException>(() => MemberBatches.Expand(expanded, 2));
        // A selection keeps each row's member.
        Assert.Equal(new long[] { 1, 0 }, expanded.Select(torch.tensor(new long[] { 3, 2 })).Members!.data<long>().ToArray());

        var perMember = torch.tensor(new double[] { -1, -3, -2, -2 });
        var mixed = MemberBatches.MixLogProbabilities(perMember, 2).data<double>().ToArray();
        Assert.Equal(Math.Log((Math.Exp(-1) + Math.Exp(-3)) / 2), mixed[0], 1e-12);
        Assert.Equal(-2, mixed[1], 1e-12);
    }

    [Theory]
    [InlineData(BackboneKind.Mlp)]
    [InlineData(BackboneKind.Transformer)]
    public void AnExpandedBatch_EmbedsEachRowOnce_AndGetsTheStatesOfEmbeddingEveryCopy(BackboneKind backbone)
    {
        torch.manual_seed(3);
        var options = new TransformerOptions { ModelDim = 16, Heads = 4, FeedForwardDim = 32, Backbone = backbone, Members = 4, MlpWidth = 32, DecoderLayers = 1 };
        using var network = new EncoderDecoder(new TabularEmbedding(6, 3, [0, 2, 4], options), options, 10, 2);
        network.eval();
        using var rows = new InputBatch(torch.tensor(new long[] { 0, 2, 4, 0, 2, 4, 0, 2, 4 }, [3, 3]), torch.randn(3, 3));
        using var expanded = MemberBatches.Expand(rows, 4);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], expanded.SourceRows!);
        using var picked = expanded.Select(torch.tensor(new long[] { 5, 4, 9 }));
        Assert.Equal([1, 1, 2], picked.SourceRows!);   // a selection keeps its rows' sources

        // The same rows and members without sources: every copy is embedded on its own.
        using var copies = new InputBatch(expanded.Tokens.clone(), expanded.Values.clone()) { Members = expanded.Members!.clone() };
        using (torch.no_grad())
        {
            using var once = network.Encode(expanded, out _);
            using var every = network.Encode(copies, out _);
            Assert.Equal(every.shape, once.shape);
            Assert.True(torch.allclose(once, every, rtol: 1e-5, atol: 1e-6), "embedding once per row changes the states");
            Assert.False(torch.allclose(once[0], once[1]), "the members differ");   // the member scales still apply per copy
        }
    }

    [Theory]
    [InlineData(BackboneKind.Mlp)]
    [InlineData(BackboneKind.Transformer)]
    public void Likelihood_IsTheDecodedMixturesDensity_AndSurvivesAModelFile(BackboneKind backbone)
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "yacht"), 0);
        using var model = DecodingRegressor.Train(train, Options(backbone, 4, 4));
        Assert.Equal(4, model.Network.Members);
        Assert.Equal(backbone, model.Network.Backbone);

        var exact = new PredictionOptions { Mass = 1.0, MaxSequences = 1 << 16 };
        var predicted = model.PredictBatch(test.Features, exact);
        var ll = model.LogLikelihood(test);
        for (int i = 0; i < ll.Length; i++)
            Tolerance.AssertClose(predicted[i].LogDensity(test.Targets[i]), ll[i], Tolerance.LogLikelihood, 1e-4);
        // Each row keeps its members' means: they average to the mixture's mean, and their spread is the part of the
        // mixture's variance between members (law of total variance), so it never exceeds the whole.
        foreach (var d in predicted)
        {
            Assert.Equal(4, d.MemberMeans.Count);
            Assert.Equal(d.Mean, d.MemberMeans.Average(), 1e-6 * (1 + Math.Abs(d.Mean)));
            Assert.True(d.MemberSpread * d.MemberSpread <= d.Variance * (1 + 1e-9), $"spread {d.MemberSpread} vs std {d.StdDev}");
        }
        Assert.Contains(predicted, d => d.MemberSpread > 0);   // the members differ

        using var dir = new TempDir();
        string path = Path.Combine(dir.FullPath, "members.decoreg");
        model.Save(path);
        using var loaded = DecodingRegressor.Load(path);
        Assert.Equal(model.Network, loaded.Network);
        Assert.Equal(ll, loaded.LogLikelihood(test));
        var again = loaded.PredictBatch(test.Features, exact);
        for (int i = 0; i < predicted.Count; i++) Assert.Equal(predicted[i].Probabilities.ToArray(), again[i].Probabilities.ToArray());
    }

    [Fact]
    public void OnConcrete_EightMembers_HaveABetterLikelihoodThanOne()
    {
        var (train, test) = UciDataset.LoadSplit(TestData.Path("uci", "concrete"), 0);
        // The library's default network for tables (MLP, 8 members) against the same network with one member.
        var training = new TrainingOptions { Epochs = 40, Patience = 40 };
        using var one = DecodingRegressor.Train(train, new RegressorOptions { Network = new TransformerOptions { Members = 1 }, Training = training, Threads = 1 });
        using var eight = DecodingRegressor.Train(train, new RegressorOptions { Training = training, Threads = 1 });
        Assert.Equal((BackboneKind.Mlp, 8), (eight.Network.Backbone, eight.Network.Members)); // the table default
        double nllOne = -one.LogLikelihood(test).Average(), nllEight = -eight.LogLikelihood(test).Average();
        Assert.True(nllEight < nllOne - 0.03, $"8 members NLL {nllEight:F3}, 1 member {nllOne:F3}");
    }

    [Fact]
    public void TheMlpBackbone_ReadsTextOnlyThroughItsBag()
    {
        var text = new DecoReg.Inputs.InputOptions { Mode = DecoReg.Inputs.InputMode.Text };
        new RegressorOptions { Network = new TransformerOptions { Backbone = BackboneKind.Mlp }, Inputs = text }.Validate();
        var options = new RegressorOptions { Network = new TransformerOptions { Backbone = BackboneKind.Mlp }, Inputs = text with { NgramBuckets = 0 } };
        var e = Assert.Throws<DecoRegException>(options.Validate);
        Assert.Contains("n-gram bag", e.Message);
        var table = new TransformerOptions().Resolve(tableRows: true);
        var textNetwork = new TransformerOptions().Resolve(tableRows: false);
        Assert.Equal((BackboneKind.Mlp, TransformerOptions.DefaultMlpMembers, 1), (table.Backbone, table.Members, table.DecoderLayers));
        Assert.Equal((BackboneKind.Transformer, 1, 2), (textNetwork.Backbone, textNetwork.Members, textNetwork.DecoderLayers));
    }
}
