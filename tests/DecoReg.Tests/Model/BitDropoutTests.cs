using DecoReg.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace DecoReg.Tests.Model;

/// <summary>
/// The dropout that reads its mask from random bits drops at the asked rate, independently per element (including the
/// four elements that share one 64-bit draw), scales what it keeps, passes gradients through its mask, follows the
/// seeded generator, and does nothing in evaluation mode.
/// </summary>
public class BitDropoutTests
{
    [Fact]
    public void Training_DropsAtTheRate_ScalesTheRest_AndLanesAreIndependent()
    {
        using var scope = torch.NewDisposeScope();
        using var dropout = new BitDropout(0.2);
        dropout.train();
        Assert.Equal(13107 / 65536.0, dropout.Rate);   // 0.2 rounded to a multiple of 1/65,536
        const long n = 1 << 20;
        torch.manual_seed(7);
        var y = dropout.call(torch.ones(n));
        var values = y.data<float>().ToArray();
        float kept = (float)(1 / (1 - dropout.Rate));
        Assert.All(values, v => Assert.True(v == 0f || v == kept, $"value {v} is neither dropped nor scaled"));
        var dropped = values.Select(v => v == 0f).ToArray();
        double rate = dropped.Count(d => d) / (double)n;
        Assert.InRange(rate, 0.195, 0.205);   // binomial s.d. 0.0004
        // Elements i, i + n/4, i + n/2, i + 3n/4 take their bits from the same draw: both dropped at rate², not rate.
        long quarter = n / 4;
        double both = Enumerable.Range(0, (int)quarter).Count(i => dropped[i] && dropped[i + quarter]) / (double)quarter;
        Assert.InRange(both, 0.04 - 0.004, 0.04 + 0.004);
        // Neighbouring elements too.
        double neighbours = Enumerable.Range(0, (int)n - 1).Count(i => dropped[i] && dropped[i + 1]) / (double)(n - 1);
        Assert.InRange(neighbours, 0.04 - 0.002, 0.04 + 0.002);
    }

    [Fact]
    public void Gradient_IsTheMask_AndTheSeedDecidesTheMask()
    {
        using var scope = torch.NewDisposeScope();
        using var dropout = new BitDropout(0.5);
        dropout.train();
        var x = torch.randn(7, 13).requires_grad_(true);   // 91 elements: not a multiple of four
        torch.manual_seed(3);
        var y = dropout.call(x);
        y.sum().backward();
        var grad = x.grad!.data<float>().ToArray();
        var ratio = (y / x).detach().data<float>().ToArray();
        for (int i = 0; i < grad.Length; i++) Assert.Equal(grad[i], ratio[i], 5);
        Assert.Contains(grad, g => g == 0f);
        Assert.Contains(grad, g => g == 2f);

        torch.manual_seed(3);
        Assert.Equal(y.detach().data<float>().ToArray(), dropout.call(x).detach().data<float>().ToArray());
        torch.manual_seed(4);
        Assert.NotEqual(y.detach().data<float>().ToArray(), dropout.call(x).detach().data<float>().ToArray());
    }

    [Fact]
    public void Evaluation_AndRateZero_LeaveTheInput()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(5, 3);
        using var dropout = new BitDropout(0.3);
        dropout.eval();
        Assert.Equal(x.data<float>().ToArray(), dropout.call(x).data<float>().ToArray());
        using var none = new BitDropout(0);
        none.train();
        Assert.Equal(x.data<float>().ToArray(), none.call(x).data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitDropout(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitDropout(-0.1));
    }
}
