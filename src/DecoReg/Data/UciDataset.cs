namespace DecoReg.Data;

/// <summary>
/// Loads the standard UCI probabilistic-regression benchmark folders (Hernández-Lobato &amp; Adams 2015 format):
/// <c>data.txt</c> (whitespace-separated numbers, one example per line), <c>index_features.txt</c>,
/// <c>index_target.txt</c> (0-based column indices) and <c>index_train_N.txt</c> / <c>index_test_N.txt</c> (0-based
/// row indices of split N). Index files may hold one or several indices per line, written as integers or as
/// integral floats ("3.0"). Feature columns are named <c>x0</c>, <c>x1</c>, ... in the order of
/// <c>index_features.txt</c>; feature cells keep the text of data.txt. Errors are <see cref="DecoRegException"/>s
/// naming the file.
/// </summary>
public static class UciDataset
{
    /// <summary>Number of splits N for which both index_train_N.txt and index_test_N.txt exist, counting from 0.</summary>
    public static int SplitCount(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        RequireDirectory(dir);
        int n = 0;
        while (File.Exists(SplitFile(dir, UciPart.Train, n)) && File.Exists(SplitFile(dir, UciPart.Test, n))) n++;
        return n;
    }

    /// <summary>One side of split <paramref name="split"/>, named e.g. "concrete split 0 (train)".</summary>
    public static Dataset Load(string dir, int split, UciPart part)
    {
        var (all, _) = LoadAllCore(dir);
        return Part(dir, all, split, part);
    }

    /// <summary>Both sides of split <paramref name="split"/>, reading data.txt once.</summary>
    public static (Dataset Train, Dataset Test) LoadSplit(string dir, int split)
    {
        var (all, _) = LoadAllCore(dir);
        return (Part(dir, all, split, UciPart.Train), Part(dir, all, split, UciPart.Test));
    }

    /// <summary>Every row of data.txt, named after the folder (e.g. "concrete").</summary>
    public static Dataset LoadAll(string dir) => LoadAllCore(dir).All;

    private static Dataset Part(string dir, Dataset all, int split, UciPart part)
    {
        string file = SplitFile(dir, part, split);
        if (split < 0 || !File.Exists(file))
        {
            int count = SplitCount(dir);
            throw new DecoRegException(
                $"{dir}: split {split} not found ({Path.GetFileName(file)} missing); this folder has {count} split(s), numbered 0..{count - 1}.");
        }
        var rows = ReadIndices(file, all.RowCount, "row");
        string partName = part == UciPart.Train ? "train" : "test";
        return all.Subset(rows, $"split {split} ({partName})") with { Name = $"{all.Name} split {split} ({partName})" };
    }

    private static (Dataset All, int Fields) LoadAllCore(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        RequireDirectory(dir);
        string dataPath = Path.Combine(dir, "data.txt");
        string featPath = Path.Combine(dir, "index_features.txt");
        string targetPath = Path.Combine(dir, "index_target.txt");
        foreach (var p in new[] { dataPath, featPath, targetPath })
            if (!File.Exists(p))
                throw new DecoRegException($"{p}: file not found; a UCI folder needs data.txt, index_features.txt and index_target.txt.");

        var lines = new List<string[]>();
        var lineNumbers = new List<int>();
        int lineNo = 0, fields = -1;
        char[] separators = [' ', '\t'];
        foreach (var line in File.ReadLines(dataPath))
        {
            lineNo++;
            var parts = line.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0) continue;
            if (fields < 0) fields = parts.Length;
            else if (parts.Length != fields)
                throw new DecoRegException(
                    $"{dataPath}: line {lineNo} has {parts.Length} numbers, expected {fields} as on the first line.");
            lines.Add(parts);
            lineNumbers.Add(lineNo);
        }
        if (lines.Count == 0) throw new DecoRegException($"{dataPath}: empty file; expected rows of numbers.");

        var features = ReadIndices(featPath, fields, "column");
        var targets = ReadIndices(targetPath, fields, "column");
        if (targets.Length != 1)
            throw new DecoRegException($"{targetPath}: expected exactly one target column index, found {targets.Length}.");
        int t = targets[0];
        if (features.Contains(t))
            throw new DecoRegException($"{featPath}: lists the target column {t} as a feature.");

        var names = features.Select((_, i) => $"x{i}").ToArray();
        var rows = new string?[lines.Count][];
        var y = new double[lines.Count];
        for (int r = 0; r < rows.Length; r++)
        {
            var src = lines[r];
            var row = new string?[features.Length];
            for (int c = 0; c < features.Length; c++)
            {
                string cell = src[features[c]];
                if (!NumberText.TryParse(cell, out _))
                    throw new DecoRegException(
                        $"{dataPath}: line {lineNumbers[r]}, field {features[c] + 1}: '{cell}' is not a finite number.");
                row[c] = cell;
            }
            rows[r] = row;
            if (!NumberText.TryParse(src[t], out y[r]))
                throw new DecoRegException(
                    $"{dataPath}: line {lineNumbers[r]}, target field {t + 1}: '{src[t]}' is not a finite number.");
        }
        var table = new Table(dataPath, names, rows, RowNumbering.FileLine, lineNumbers);
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        return (new Dataset(table, y, name), fields);
    }

    private static int[] ReadIndices(string path, int limit, string what)
    {
        if (!File.Exists(path)) throw new DecoRegException($"{path}: file not found.");
        var result = new List<int>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            foreach (var tok in line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!NumberText.TryParse(tok, out double v) || v != Math.Floor(v) || v < 0 || v >= limit)
                    throw new DecoRegException(
                        $"{path}: line {lineNo}: '{tok}' is not a valid 0-based {what} index (expected an integer 0..{limit - 1}).");
                result.Add((int)v);
            }
        }
        if (result.Count == 0) throw new DecoRegException($"{path}: no indices found.");
        return result.ToArray();
    }

    private static string SplitFile(string dir, UciPart part, int split) =>
        Path.Combine(dir, part == UciPart.Train ? $"index_train_{split}.txt" : $"index_test_{split}.txt");

    private static void RequireDirectory(string dir)
    {
        if (!Directory.Exists(dir)) throw new DecoRegException($"{dir}: UCI data folder not found.");
    }
}
