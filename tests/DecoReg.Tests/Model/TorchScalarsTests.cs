using DecoReg.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Model;

/// <summary>The scalar-safe arithmetic of the model's hot paths computes what the operators it replaces compute.</summary>
public class TorchScalarsTests
{
    [Fact]
    public void PlusTimesOver_MatchTheOperators()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new float[] { 1, -2, 3.5f, 0 }, [2, 2]);
        var b = torch.tensor(new float[] { 0.5f, 4 });   // broadcast over rows
        Assert.Equal((a + b).data<float>().ToArray(), a.Plus(b).data<float>().ToArray());
        Assert.Equal(new float[] { 3, 0, 5.5f, 2 }, a.Plus(2.0).data<float>().ToArray());
        Assert.Equal(new float[] { -1, 2, -3.5f, 0 }, a.Times(-1.0).data<float>().ToArray());
        Assert.Equal(new float[] { 0.5f, -1, 1.75f, 0 }, a.Over(2.0).data<float>().ToArray());
        // The shared constant is still a valid 1 after collections and finalizers have run (it is never disposed).
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Equal(new float[] { 2, -1, 4.5f, 1 }, a.Plus(torch.ones_like(a)).data<float>().ToArray());
        }
    }
}
