using CareDesk.Features.Complaints.Imdrf;

namespace CareDesk.Tests.Features.Complaints;

public sealed class ImdrfTermsTests
{
    private static readonly ImdrfTerms Terms = ImdrfTerms.Shipped;

    [Theory]
    [InlineData('A', 478)]
    [InlineData('B', 24)]
    [InlineData('C', 151)]
    [InlineData('D', 41)]
    [InlineData('E', 700)]
    [InlineData('F', 66)]
    [InlineData('G', 296)]
    public void Every_annex_of_the_2022_release_is_shipped_whole(char annex, int count)
    {
        Assert.Equal(count, Terms.All.Count(t => t.Annex == annex));
    }

    [Fact]
    public void A_term_has_its_place_in_the_hierarchy()
    {
        var path = Terms.Path("A010102");

        Assert.Equal(["A01", "A0101", "A010102"], path.Select(t => t.Code));
        Assert.Equal("Device Appears to Trigger Rejection", path[^1].Term);
        Assert.Equal(3, path[^1].Level);
        Assert.Empty(Terms.Path("A99"));
    }

    [Fact]
    public void Every_parent_is_a_term_of_the_same_annex()
    {
        Assert.All(Terms.All.SelectMany(t => t.Parents.Select(p => (Term: t, Parent: Terms.Find(p)))), pair =>
        {
            Assert.NotNull(pair.Parent);
            Assert.Equal(pair.Term.Annex, pair.Parent.Annex);
        });
    }

    [Fact]
    public void A_health_effect_under_two_body_systems_is_one_term_with_both_parents()
    {
        Assert.Equal(["E01", "E05"], Terms.Find("E0104")!.Parents);
        Assert.Single(Terms.All, t => t.Code == "E0104");
    }

    [Fact]
    public void Grouping_terms_IMDRF_marks_not_selectable_are_not_offered()
    {
        Assert.False(Terms.Find("E01")!.Selectable);
        Assert.DoesNotContain(Terms.Search('E', "nervous"), t => t.Code == "E01");
        Assert.Contains(Terms.Search('e', "balance"), t => t.Code == "E0101");
    }

    [Fact]
    public void Search_matches_codes_by_prefix_and_terms_by_every_word()
    {
        Assert.All(Terms.Search('A', "A0205"), t => Assert.StartsWith("A0205", t.Code, StringComparison.Ordinal));
        Assert.Equal(["A020504"], Terms.Search('A', "hole packaging").Select(t => t.Code));
        Assert.Empty(Terms.Search('C', "hole packaging"));
    }
}
