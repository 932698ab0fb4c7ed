using CareDesk.Features.People;
using CareDesk.Features.People.Merging;

namespace CareDesk.Tests.Features.People.Merging;

public sealed class SurvivorshipTests
{
    private static readonly DateTimeOffset Older = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_value_the_survivor_lacks_comes_from_the_merged_person_and_the_newer_wins_where_both_have_one()
    {
        var survivor = new PersonScalars { DisplayName = "王建国", TimeZone = "Asia/Shanghai", PreferredHours = "mornings", UpdatedAt = Older, Languages = ["zh-CN"] };
        var merged = new PersonScalars
        {
            DisplayName = "王建國",
            DateOfBirth = new DateOnly(1946, 3, 8),
            Sex = Sex.Male,
            PreferredHours = "evenings",
            UpdatedAt = Newer,
            Languages = ["yue", "zh-CN"],
            Accessibility = new AccessibilityNeeds { HardOfHearing = true },
        };

        var result = Survivorship.Merge(survivor, merged, Now);

        Assert.Equal("王建國", result.DisplayName);
        Assert.Equal(new DateOnly(1946, 3, 8), result.DateOfBirth);
        Assert.Equal(Sex.Male, result.Sex);
        Assert.Equal("Asia/Shanghai", result.TimeZone);
        Assert.Equal("evenings", result.PreferredHours);
        Assert.Equal(["zh-CN", "yue"], result.Languages);
        Assert.True(result.Accessibility.HardOfHearing);
        Assert.Equal(Now, result.UpdatedAt);
    }

    [Fact]
    public void An_older_merged_person_loses_where_both_have_a_value_but_both_notes_are_kept()
    {
        var survivor = new PersonScalars { DisplayName = "Mary Smith", PreferredHours = "mornings", Notes = "Daughter answers.", UpdatedAt = Newer };
        var merged = new PersonScalars { DisplayName = "Mary Smyth", PreferredHours = "evenings", Notes = "Uses a pump.", UpdatedAt = Older };

        var result = Survivorship.Merge(survivor, merged, Now);

        Assert.Equal(("Mary Smith", "mornings"), (result.DisplayName, result.PreferredHours));
        Assert.Equal("Daughter answers.\nUses a pump.", result.Notes);
    }

    [Fact]
    public void An_unmerge_restores_every_field_the_merge_wrote_and_keeps_one_changed_since()
    {
        var before = new PersonScalars { DisplayName = "Li Na", UpdatedAt = Older };
        var after = Survivorship.Merge(before, new PersonScalars { DisplayName = "Li Na", PreferredHours = "evenings", TimeZone = "Asia/Shanghai", UpdatedAt = Newer }, Now);

        var (untouched, none) = Survivorship.Unmerge(before, after, after);
        var (edited, kept) = Survivorship.Unmerge(before, after, after with { PreferredHours = "weekdays 9-11", UpdatedAt = Now.AddDays(1) });

        Assert.Equal(before, untouched with { Languages = before.Languages });
        Assert.Empty(none);
        Assert.Equal(["preferredHours"], kept);
        Assert.Equal(("weekdays 9-11", null), (edited.PreferredHours, edited.TimeZone));
    }
}
