using System.Text.RegularExpressions;

namespace CareDesk.Tests.Platform;

/// <summary>
/// A file is named after the one type it holds (STYLE.md): a newcomer looking for <c>PeopleOptions</c> opens
/// <c>PeopleOptions.cs</c>. Beside its type a file may hold only what belongs to it alone: its EF configuration
/// (<c>CaseConfiguration</c>, <c>ComplaintFileConfiguration</c> in <c>Complaint.File.cs</c>) and enums named after it
/// (<c>CaseStatus</c> in <c>Case.cs</c>). Types declared <c>file</c> are private to their file and not counted.
/// </summary>
public sealed partial class SourceFileTests
{
    [Fact]
    public void Every_type_lives_in_a_file_named_after_it()
    {
        var source = Path.Combine(ResourceParityTests.RepositoryRoot(), "src", "CareDesk");
        var misplaced = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(file);
            var type = stem.Split('.')[0];
            foreach (Match declared in TopLevelType().Matches(File.ReadAllText(file)))
            {
                var name = declared.Groups["name"].Value;
                var belongs = name == type
                    || name == type + "Configuration"
                    || name == stem.Replace(".", "", StringComparison.Ordinal) + "Configuration"
                    || (declared.Groups["kind"].Value == "enum" && name.StartsWith(type, StringComparison.Ordinal));
                if (!belongs)
                {
                    misplaced.Add($"{relative}: {name}");
                }
            }
        }

        Assert.Empty(misplaced);
    }

    [Fact]
    public void The_rule_sees_a_second_type_in_a_file()
    {
        var declarations = TopLevelType().Matches("""
            namespace X;

            public sealed class Callback
            {
                public sealed record Nested(int A);
            }

            internal sealed class CallbackDeadlines(int a)
            {
            }

            file sealed class Private;
            """).Select(m => m.Groups["name"].Value);

        Assert.Equal(["Callback", "CallbackDeadlines"], declarations);
    }

    // A declaration at the start of a line (nested types are indented; dotnet format keeps it so), not file-local.
    [GeneratedRegex(@"^(?:(?:public|internal)\s+)?(?:(?:sealed|static|abstract|partial|readonly|ref)\s+)*(?<kind>record\s+struct|record\s+class|record|class|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
