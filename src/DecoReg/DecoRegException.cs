namespace DecoReg;

/// <summary>
/// An error the user can cause (bad data, bad option, bad model file). The message names the file, row, column or
/// value at fault and what was expected; the CLI prints it on one line and exits with code 2.
/// </summary>
public class DecoRegException : Exception
{
    public DecoRegException(string message) : base(message) { }
    public DecoRegException(string message, Exception inner) : base(message, inner) { }
}
