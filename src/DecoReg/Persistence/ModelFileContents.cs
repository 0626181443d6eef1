namespace DecoReg.Persistence;

/// <summary>What one model file holds: the model's configuration as JSON and its serialized weights.</summary>
public sealed record ModelFileContents(string ConfigJson, byte[] Weights);
