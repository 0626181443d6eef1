namespace DecoReg.Tests;

/// <summary>
/// Locates the read-only shared data sets (<c>&lt;X&gt;/shared/datasets</c>, beside the repository root
/// <c>&lt;X&gt;/main</c> or a worktree such as <c>/work/wt-data</c>) by walking up from the test assembly's folder.
/// Set DECOREG_DATASETS to override.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the shared <c>datasets</c> folder.</summary>
    public static string SharedDatasets => Root.Value;

    /// <summary>Path of a file or folder under the shared datasets, e.g. <c>Path("uci", "concrete")</c>.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([SharedDatasets, .. parts]);

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("DECOREG_DATASETS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return System.IO.Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No 'shared/datasets' folder found in any parent of {AppContext.BaseDirectory}; set DECOREG_DATASETS.");
    }
}
