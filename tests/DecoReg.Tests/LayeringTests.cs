using System.Reflection;
using System.Text.RegularExpressions;

namespace DecoReg.Tests;

/// <summary>
/// Lower folders never depend on the root namespace: no type outside namespace <c>DecoReg</c> mentions a root type
/// (other than <see cref="DecoRegException"/>) in its fields, properties, method or constructor signatures, base
/// types or interfaces, and no source file below the root folder says <c>using DecoReg;</c>.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Library = typeof(DecodingRegressor).Assembly;

    private static bool IsForbidden(Type? t) =>
        t is not null && (t.IsGenericType && t.GetGenericArguments().Any(IsForbidden)
            || t.HasElementType && IsForbidden(t.GetElementType())
            || t.Namespace == "DecoReg" && t != typeof(DecoRegException));

    [Fact]
    public void NoTypeInASubNamespaceUsesARootType()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offences = new List<string>();
        foreach (var type in Library.GetTypes().Where(t => t.Namespace is { } ns && ns.StartsWith("DecoReg.", StringComparison.Ordinal)))
        {
            var used = new List<Type?> { type.BaseType };
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(all).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method is MethodInfo m) used.Add(m.ReturnType);
                used.AddRange(method.GetParameters().Select(p => p.ParameterType));
                used.AddRange(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            }
            offences.AddRange(used.Where(IsForbidden).Select(t => $"{type.FullName} uses {t!.FullName}").Distinct());
        }
        Assert.Empty(offences);
    }

    [Fact]
    public void NoSourceFileBelowTheRootFolderImportsTheRootNamespace()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "DecoReg");
        var offences = Directory.GetDirectories(root)
            .Where(d => !Path.GetFileName(d).Equals("bin", StringComparison.Ordinal) && !Path.GetFileName(d).Equals("obj", StringComparison.Ordinal))
            .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"^\s*using\s+DecoReg\s*;", RegexOptions.Multiline))
            .ToList();
        Assert.Empty(offences);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DecoReg.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("DecoReg.slnx not found above the test assembly");
    }
}
