using System.Reflection;
using Spectre.Console.Cli;

namespace DecoReg.Cli;

/// <summary>
/// The one place that turns exceptions into exit codes: user errors (bad data, option or value) print one line on
/// stderr and exit 2; anything else is an internal error (exit 1) printed with its stack trace.
/// </summary>
public static class ErrorHandling
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int UserError = 2;

    public static int Handle(Exception ex, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(err);
        ex = Unwrap(ex);
        if (IsUserError(ex))
        {
            err.WriteLine($"{DecoRegApp.Name}: error: {OneLine(ex.Message)}");
            return UserError;
        }
        err.WriteLine($"{DecoRegApp.Name}: internal error: {OneLine(ex.Message)}");
        err.WriteLine(ex.ToString());
        return InternalError;
    }

    /// <summary>DecoRegException, and command-line parse/validation errors (unknown option, bad option value).</summary>
    public static bool IsUserError(Exception ex) =>
        ex is DecoRegException || (ex is CommandRuntimeException && ex is not CommandConfigurationException);

    private static Exception Unwrap(Exception ex)
    {
        while (ex is TargetInvocationException or AggregateException && ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
