namespace DecoReg.Data;

/// <summary>Which side of a fixed UCI benchmark split to load.</summary>
public enum UciPart
{
    Train,
    Test,
}
