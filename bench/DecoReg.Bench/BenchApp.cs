using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Bench;

/// <summary>
/// The <c>decoreg-bench</c> command app (one command, <see cref="BenchCommand"/>) with the same exit codes as
/// <c>decoreg</c>: 0 ok, 2 user error (one line on stderr), 1 internal error. Runs in-process with any output writers
/// so tests can drive the real command line.
/// </summary>
public static class BenchApp
{
    public const string Name = "decoreg-bench";

    /// <summary>
    /// Runs the command line; output goes to <paramref name="out"/> as plain text (to the process console when null,
    /// without wrapping when piped, e.g. by <c>decoreg bench</c>) and errors to <paramref name="err"/> (stderr when null).
    /// </summary>
    public static int Run(string[] args, TextWriter? @out = null, TextWriter? err = null)
    {
        var console = @out is null ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(@out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (@out is not null || Console.IsOutputRedirected) console.Profile.Width = 200;
        return Run(args, console, err ?? Console.Error);
    }

    private static int Run(string[] args, IAnsiConsole console, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(err);
        var app = new CommandApp<BenchCommand>();
        app.Configure(c =>
        {
            c.SetApplicationName(Name);
            c.SetApplicationCulture(CultureInfo.InvariantCulture);
            c.ConfigureConsole(console);
            c.SetExceptionHandler((ex, _) => Fail(ex, err));
            c.UseStrictParsing();
            c.AddExample("--suite", "uci", "--datasets", "yacht", "--quick");
            c.AddExample("--suite", "tabular", "--methods", "all", "--threads", "1");
            c.AddExample("--suite", "text", "--datasets", "check_times", "--methods", "decoreg-text,decoreg-table-categorical,decoreg-normalized");
        });
        try
        {
            return app.Run(args);
        }
        catch (Exception ex) // configuration errors thrown before the app's handler is in place
        {
            return Fail(ex, err);
        }
    }

    /// <summary>User errors (<see cref="DecoRegException"/>, bad options) are one line and exit 2; anything else is a bug (exit 1).</summary>
    private static int Fail(Exception ex, TextWriter err)
    {
        if (ex is DecoRegException || (ex is CommandRuntimeException && ex is not CommandConfigurationException))
        {
            err.WriteLine($"{Name}: error: {ex.Message.ReplaceLineEndings(" ")}");
            return 2;
        }
        err.WriteLine($"{Name}: internal error: {ex}");
        return 1;
    }
}
