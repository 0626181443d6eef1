using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using DecoReg.Numbers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DecoReg.Cli.Commands;

/// <summary>
/// <c>decoreg tokenize</c>: prints the tokens a codec writes for each value and the value they decode to, noting
/// clamping (overflow) and flushing to zero (underflow). A quick way to choose codec options; with --data it encodes
/// the raw target values of that data (train scales them first, which the normalized codec needs).
/// </summary>
public sealed class TokenizeCommand(IAnsiConsole console) : Command<TokenizeCommand.Settings>
{
    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public sealed class Settings : CodecSettings
    {
        [CommandArgument(0, "[VALUE]")]
        [Description("Numbers to encode (culture-invariant: 123.4, -0.5, 1e-3, nan, inf). Values after -- are taken literally (-- -inf).")]
        public string[] Values { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        string[] texts = [.. settings.Values, .. context.Remaining.Raw];
        bool fromData = settings.Data.Length > 0 || settings.Target is not null || settings.Drop.Length > 0
                        || settings.Split is not null || settings.Part is not null;
        if (texts.Length == 0 && !fromData)
            throw new DecoRegException("tokenize: no values given; expected one or more numbers, e.g. decoreg tokenize 123.4 -0.5 (put -inf after --)");
        var values = texts.Select(CliNumbers.Parse).ToList(); // all values checked before any output
        if (fromData)
        {
            var targets = settings.LoadDataset().Targets;
            values.AddRange(targets);
            texts = [.. texts, .. targets.Select(CliNumbers.Format)];
        }
        var options = settings.ToCodecOptions();
        var codec = options.Create();
        var encoded = values.Select(codec.Encode).ToArray(); // fail on a bad value before printing anything
        string details = codec.Details.Length > 0 ? $" ({codec.Details})" : "";
        console.WriteLine($"codec: {JsonSerializer.Serialize(options, JsonOptions)}{details}");
        var table = new Table().AddColumns("value", "tokens", "decoded", "note");
        for (int i = 0; i < values.Count; i++)
        {
            var e = encoded[i];
            string note = e.Status switch
            {
                EncodeStatus.Overflow => "overflow: clamped to the largest value",
                EncodeStatus.Underflow => "underflow: written as zero",
                _ => "",
            };
            table.AddRow(new Text(texts[i]), new Text(Tokens.Format(codec, e.Tokens)),
                new Text(CliNumbers.Format(codec.Decode(e.Tokens))), new Text(note));
        }
        table.Columns[1].NoWrap();
        table.Columns[2].NoWrap();
        console.Write(table);
        return ErrorHandling.Ok;
    }
}
