using System.Diagnostics;
using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg bench ...</c>: starts the separate <c>decoreg-bench</c> command with the same arguments and passes its
/// output and exit code through, so the decoreg tool carries none of the benchmark's dependencies (ML.NET, LightGBM).
/// <see cref="DecoRegApp"/> routes every <c>bench</c> command line here before parsing, because its options belong to
/// decoreg-bench. Found, in this order: <c>decoreg-bench</c> next to <c>decoreg</c>, on PATH, or a source checkout
/// above the program or the working directory (run with <c>dotnet run --project bench/DecoReg.Bench</c>).
/// </summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    public const string Verb = "bench";
    private const string Tool = "decoreg-bench";
    private const string Project = "bench/DecoReg.Bench/DecoReg.Bench.csproj";

    public static readonly string NotFound =
        $"decoreg bench runs the separate {Tool} command, which was not found next to decoreg, on PATH or in a source " +
        $"checkout; from a checkout run: dotnet run --project bench/DecoReg.Bench -c Release -- --suite uci ... " +
        $"(or dotnet publish bench/DecoReg.Bench and put {Tool} next to decoreg)";

    /// <summary>No options here: they are decoreg-bench's (<c>decoreg bench --help</c> shows them).</summary>
    public sealed class Settings : CommandSettings;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("decoreg bench is forwarded before parsing (DecoRegApp.Run)");

    /// <summary>Runs decoreg-bench with <paramref name="args"/>, copying its output to <paramref name="console"/> and <paramref name="err"/>; returns its exit code.</summary>
    public static int Forward(IReadOnlyList<string> args, IAnsiConsole console, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(err);
        var start = Locate(AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("PATH"))
            ?? throw new DecoRegException(NotFound);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var @out = console.Profile.Out.Writer;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (@out) @out.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (err) err.WriteLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DecoRegException($"{start.FileName}: cannot start {Tool} ({e.Message}); {NotFound}");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>How to start decoreg-bench (without its arguments), or null when it is nowhere to be found.</summary>
    internal static ProcessStartInfo? Locate(string appDirectory, string workingDirectory, string? searchPath)
    {
        string exe = Tool + (OperatingSystem.IsWindows() ? ".exe" : "");
        var beside = Path.Combine(appDirectory, exe);
        if (File.Exists(beside)) return new ProcessStartInfo(beside);
        foreach (var dir in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, exe))) return new ProcessStartInfo(Path.Combine(dir, exe));
        foreach (var from in new[] { appDirectory, workingDirectory })
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                var project = Path.Combine(dir.FullName, Project);
                if (!File.Exists(project)) continue;
                var run = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet");
                foreach (var a in new[] { "run", "--project", project, "-c", Configuration, "-v", "q", "--" }) run.ArgumentList.Add(a);
                return run;
            }
        return null;
    }

    /// <summary>The build configuration of this decoreg (Debug or Release): a checkout's decoreg-bench is run in the same one.</summary>
    private static string Configuration =>
        typeof(BenchCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
