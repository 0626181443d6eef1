using DecoReg.Model;

namespace DecoReg.Training;

/// <summary>
/// Networks trained on the same rows and hold-out (one unless an ensemble was asked for), with each network's
/// training report and the calibration temperature. Owns the networks until <see cref="Release"/> hands them over.
/// </summary>
public sealed class Ensemble : IDisposable
{
    private readonly List<EncoderDecoder> networks = [];
    private readonly List<TrainingReport> reports = [];

    public IReadOnlyList<EncoderDecoder> Networks => networks;
    public IReadOnlyList<TrainingReport> Reports => reports;

    /// <summary>Calibration temperature of the networks (1 = none).</summary>
    public double Temperature { get; set; } = 1.0;

    public void Add(EncoderDecoder network, TrainingReport report)
    {
        networks.Add(network);
        reports.Add(report);
    }

    /// <summary>The networks, now owned by the caller (this ensemble no longer disposes them).</summary>
    public EncoderDecoder[] Release()
    {
        var result = networks.ToArray();
        networks.Clear();
        return result;
    }

    public void Dispose()
    {
        foreach (var network in networks) network.Dispose();
        networks.Clear();
    }
}
