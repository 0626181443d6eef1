using System.Globalization;
using DecoReg.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli;

/// <summary>
/// Builds the <c>decoreg</c> command app: command registration (<see cref="Register"/>, one line per command),
/// shared settings and the single exception → exit-code policy (<see cref="ErrorHandling"/>). Runs in-process with
/// any output writers so tests can drive the real command line.
/// </summary>
public static class DecoRegApp
{
    public const string Name = "decoreg";

    /// <summary>Runs with the process console (ANSI/colours when it is a terminal).</summary>
    public static int Run(string[] args)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = 200; // no wrapping when piped to a file or tool
        return Run(args, console, Console.Error);
    }

    /// <summary>Runs writing plain text (no colours, wide tables) to <paramref name="out"/>; errors go to <paramref name="err"/>.</summary>
    public static int Run(string[] args, TextWriter @out, TextWriter err)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(@out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return Run(args, console, err);
    }

    public static int Run(string[] args, IAnsiConsole console, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args is [BenchCommand.Verb, .. var benchArgs]) return BenchCommand.Forward(benchArgs, console, err); // decoreg-bench's options
            if (args is ["acquire", ..]) args = [.. args.Select(a => a == "--k" ? "-k" : a)]; // Spectre's long names need 2+ letters
            return Create(console, err).Run(args);
        }
        catch (Exception ex) // configuration errors thrown before the app's own handler is in place
        {
            return ErrorHandling.Handle(ex, err);
        }
    }

    /// <summary>The configured app: name, console, exception handler and all commands.</summary>
    public static CommandApp Create(IAnsiConsole console, TextWriter err)
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName(Name);
            c.SetApplicationCulture(CultureInfo.InvariantCulture);
            c.ConfigureConsole(console);
            c.SetExceptionHandler((ex, _) => ErrorHandling.Handle(ex, err));
            c.UseStrictParsing();
            c.ValidateExamples();
            Register(c);
        });
        return app;
    }

    /// <summary>Adds every command. New commands (demo, train, predict, …) add one block here and one file under Commands/.</summary>
    public static void Register(IConfigurator c)
    {
        ArgumentNullException.ThrowIfNull(c);
        c.AddCommand<DemoCommand>("demo")
            .WithDescription("Train on the bundled UCI concrete data and compare test RMSE, NLL and 90 % coverage with a mean baseline.")
            .WithExample("demo")
            .WithExample("demo", "--plots", "plots", "--epochs", "50");
        c.AddCommand<TrainCommand>("train")
            .WithDescription("Train a model on a table and write the model file.")
            .WithExample("train", "--data", "houses.csv", "--target", "price", "--model", "houses.decoreg")
            .WithExample("train", "--data", "uci:datasets/uci/concrete", "--split", "0", "--epochs", "100", "--model", "concrete.decoreg")
            .WithExample("train", "--data", "train.parquet", "--target", "y", "--valid", "valid.parquet", "--codec", "ieee", "--mantissa-digits", "3", "--force")
            .WithExample("train", "--data", "checks.jsonl", "--target", "check_time", "--drop", "status", "--scaling", "signedlog", "--time-limit", "300");
        c.AddCommand<PretrainCommand>("pretrain")
            .WithDescription("Pretrain one model on many tasks (one file per task, or a task column), each task with its own target scaling.")
            .WithExample("pretrain", "--data", "libs.jsonl", "--data", "docs.jsonl", "--target", "installed_size_kib", "--input", "text", "--model", "pre.decoreg")
            .WithExample("pretrain", "--data", "packages.jsonl", "--task-column", "section", "--target", "installed_size_kib", "--input", "text", "--model", "pre.decoreg");
        c.AddCommand<FineTuneCommand>("finetune")
            .WithDescription("Fine-tune a pretrained model on a new task from a few hundred rows; writes an ordinary model file.")
            .WithExample("finetune", "--from", "pre.decoreg", "--data", "games.jsonl", "--target", "installed_size_kib", "--task", "games", "--model", "games.decoreg")
            .WithExample("finetune", "--from", "pre.decoreg", "--data", "new.csv", "--decoder-only", "--epochs", "20", "--model", "ft.decoreg", "--force");
        c.AddCommand<PredictCommand>("predict")
            .WithDescription("Write predictive mean, median, std and quantiles per row as CSV.")
            .WithExample("predict", "--model", "houses.decoreg", "--data", "new.csv", "--out", "predictions.csv")
            .WithExample("predict", "--model", "concrete.decoreg", "--data", "uci:datasets/uci/concrete", "--quantiles", "0.1,0.5,0.9", "--samples", "256")
            .WithExample("predict", "--model", "houses.decoreg", "--data", "new.jsonl", "--id", "house_id", "--out", "p.csv", "--force")
            .WithExample("predict", "--model", "calibrated.decoreg", "--data", "new.csv", "--interval", "0.9", "--max-width", "12.5")
            .WithExample("predict", "--model", "calibrated.decoreg", "--data", "new.csv", "--coverage-target", "0.8");
        c.AddCommand<CalibrateCommand>("calibrate")
            .WithDescription("Calibrate a model's intervals by split conformal prediction on held-out labelled rows; stored in the model file.")
            .WithExample("calibrate", "--model", "houses.decoreg", "--data", "calib.csv", "--target", "price", "--out", "houses-cal.decoreg")
            .WithExample("calibrate", "--model", "concrete.decoreg", "--data", "calib.csv", "--force");
        c.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Metrics of a model's predictive distributions on labelled data (table or JSON), optionally with plots.")
            .WithExample("evaluate", "--model", "houses.decoreg", "--data", "test.csv", "--target", "price")
            .WithExample("evaluate", "--model", "concrete.decoreg", "--data", "uci:datasets/uci/concrete", "--json")
            .WithExample("evaluate", "--model", "concrete.decoreg", "--data", "uci:datasets/uci/concrete", "--plots", "plots")
            .WithExample("evaluate", "--model", "houses-cal.decoreg", "--data", "test.csv", "--target", "price", "--interval", "0.8");
        c.AddCommand<AuditCommand>("audit")
            .WithDescription("Rank labelled rows by how implausible their label is, each scored by a model that did not train on it (cross-fitted).")
            .WithExample("audit", "--data", "labelled.csv", "--target", "y", "--folds", "5", "--out", "audit.csv", "--plot", "audit.png")
            .WithExample("audit", "--data", "uci:datasets/uci/concrete", "--epochs", "100", "--top", "20", "--out", "audit.csv");
        c.AddCommand<AcquireCommand>("acquire")
            .WithDescription("Pick the unlabelled rows to label next: the most uncertain, spread out in the model's representation.")
            .WithExample("acquire", "--model", "model.decoreg", "--pool", "unlabelled.csv", "-k", "100", "--out", "next.csv")
            .WithExample("acquire", "--model", "model.decoreg", "--pool", "pool.jsonl", "-k", "50", "--id", "id", "--candidates", "1");
        c.AddCommand<TokenizeCommand>("tokenize")
            .WithDescription("Show how a codec writes numbers as tokens, and what the tokens decode to.")
            .WithExample("tokenize", "--codec", "ieee", "123.4", "1000", "-0.5")
            .WithExample("tokenize", "--codec", "ieee", "--base", "2", "--mantissa-digits", "8", "--exponent-digits", "4", "0.1")
            .WithExample("tokenize", "--codec", "p10", "--digits", "3", "--exponent-range", "5", "--specials", "nan", "1e-7", "--", "-inf")
            .WithExample("tokenize", "--codec", "normalized", "--digits", "4", "0.25")
            .WithExample("tokenize", "--codec", "p10", "--digits", "3", "--data", "uci:datasets/uci/concrete");
        c.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve models over HTTP: micro-batched predictions, model info, reload, health probes and Prometheus metrics.")
            .WithExample("serve", "--model", "concrete=concrete.decoreg")
            .WithExample("serve", "--model", "houses=houses.decoreg", "--model", "cars=cars.decoreg", "--urls", "http://0.0.0.0:8080", "--api-key", "0123456789abcdef0123")
            .WithExample("serve", "--model", "concrete=concrete.decoreg", "--no-batching");
        c.AddCommand<BenchCommand>(BenchCommand.Verb).WithDescription("Benchmark DecoReg against baseline heads and LightGBM on real data (uci, tabular, text, uncertainty or fewshot suite); runs the separate decoreg-bench command (bench --help for its options).");
    }
}
