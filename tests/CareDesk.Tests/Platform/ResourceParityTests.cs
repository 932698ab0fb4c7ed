using System.Xml.Linq;

namespace CareDesk.Tests.Platform;

public sealed class ResourceParityTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryRoot(), "src", "CareDesk", "Resources");

    public static TheoryData<string> NeutralResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileNameWithoutExtension(f).Split('.').Length == 1))
        {
            data.Add(Path.GetRelativePath(ResourcesFolder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void Every_English_string_has_a_Chinese_one_and_the_other_way_round(string neutralFile)
    {
        var english = Keys(Path.Combine(ResourcesFolder, neutralFile));
        var chineseFile = Path.Combine(ResourcesFolder, Path.ChangeExtension(neutralFile, null) + ".zh-Hans.resx");
        Assert.True(File.Exists(chineseFile), $"{neutralFile} has no Chinese translation file.");
        var chinese = Keys(chineseFile);

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(chinese.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        var english = Keys(Path.Combine(ResourcesFolder, "SharedResource.resx"));
        var chinese = Keys(Path.Combine(ResourcesFolder, "SharedResource.zh-Hans.resx"));

        var mismatched = english
            .Where(pair => chinese.TryGetValue(pair.Key, out var zh) && Placeholders(pair.Value) != Placeholders(zh))
            .Select(pair => pair.Key);

        Assert.Empty(mismatched);
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareDesk.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CareDesk.slnx not found above the test folder.");
    }
}
