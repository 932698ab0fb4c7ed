using System.Security.Claims;
using CareDesk.Features.People;
using CareDesk.Platform.Identity;

namespace CareDesk.Tests.Features.People;

/// <summary>Who sees which people, and how much of them (F31): the rules behind every people read path.</summary>
public sealed class PersonViewerTests
{
    private static readonly PeopleOptions Masking = new() { MaskForOutsourcedAgents = true };

    private static ClaimsPrincipal User(string id, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "test"));

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Quality)]
    public void A_role_with_wide_access_sees_everyone_unmasked_even_beside_a_narrow_role(string wide)
    {
        Assert.Equal(new PersonViewer("u1", OnlyAssigned: false, Masked: false), PersonViewer.From(User("u1", wide), Masking));
        Assert.Equal(new PersonViewer("u1", OnlyAssigned: false, Masked: false), PersonViewer.From(User("u1", Roles.FieldRep, wide), Masking));
        Assert.Equal(new PersonViewer("u1", OnlyAssigned: false, Masked: false), PersonViewer.From(User("u1", Roles.OutsourcedAgent, wide), Masking));
    }

    [Fact]
    public void A_field_rep_sees_only_the_people_assigned_to_them_unmasked()
    {
        var viewer = PersonViewer.From(User("rep-1", Roles.FieldRep), Masking);

        Assert.Equal(new PersonViewer("rep-1", OnlyAssigned: true, Masked: false), viewer);
        Assert.True(viewer.MaySee("rep-1"));
        Assert.False(viewer.MaySee("rep-2"));
        Assert.False(viewer.MaySee(null));
        Assert.False(viewer.MaySee("REP-1"));
    }

    [Fact]
    public void An_outsourced_agent_sees_everyone_masked_when_masking_is_on()
    {
        var viewer = PersonViewer.From(User("out-1", Roles.OutsourcedAgent), Masking);

        Assert.Equal(new PersonViewer("out-1", OnlyAssigned: false, Masked: true), viewer);
        Assert.True(viewer.MaySee(null));
        Assert.True(viewer.MaySee("rep-2"));
    }

    [Fact]
    public void An_outsourced_agent_sees_data_whole_when_masking_is_off()
    {
        var viewer = PersonViewer.From(User("out-1", Roles.OutsourcedAgent), new PeopleOptions { MaskForOutsourcedAgents = false });

        Assert.Equal(new PersonViewer("out-1", OnlyAssigned: false, Masked: false), viewer);
    }

    [Fact]
    public void An_outsourced_agent_who_is_also_a_field_rep_is_masked_not_limited_to_assigned_people()
    {
        var viewer = PersonViewer.From(User("out-1", Roles.OutsourcedAgent, Roles.FieldRep), Masking);

        Assert.Equal(new PersonViewer("out-1", OnlyAssigned: false, Masked: true), viewer);
    }

    [Fact]
    public void A_user_without_an_id_claim_matches_no_assignment()
    {
        var viewer = PersonViewer.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.FieldRep)], "test")), Masking);

        Assert.Equal("", viewer.UserId);
        Assert.False(viewer.MaySee("rep-1"));
    }

    [Theory]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("+861065529988", "+8610****9988")]
    [InlineData("+85221234567", "+852****4567")]
    [InlineData("13812345678", "138****5678")]
    public void A_phone_keeps_at_most_six_leading_and_always_four_trailing_characters(string number, string expected)
    {
        Assert.Equal(expected, CareDesk.Features.People.Masking.Phone(number));
    }

    [Theory]
    [InlineData("8765432", "8****32")]
    [InlineData("87654321", "87****21")]
    [InlineData("0108765432", "010*****32")]
    public void A_short_number_never_shows_more_than_its_ends(string number, string expected)
    {
        var masked = CareDesk.Features.People.Masking.Phone(number);

        Assert.Equal(expected, masked);
        Assert.True(masked.Count(c => c == '*') >= 4, masked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("123456")]
    public void A_phone_of_six_characters_or_fewer_is_hidden_whole(string number)
    {
        Assert.Equal("***", CareDesk.Features.People.Masking.Phone(number));
    }

    [Theory]
    [InlineData("wang.jianguo@example.com", "w***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("not-an-address", "***")]
    [InlineData("@example.com", "***")]
    public void An_email_keeps_its_first_letter_and_domain(string address, string expected)
    {
        Assert.Equal(expected, CareDesk.Features.People.Masking.Email(address));
    }

    [Fact]
    public void Masked_text_is_hidden_and_missing_text_stays_missing()
    {
        Assert.Equal("***", CareDesk.Features.People.Masking.Text("Prefers her daughter on the line."));
        Assert.Equal("***", CareDesk.Features.People.Masking.Text(""));
        Assert.Null(CareDesk.Features.People.Masking.Text(null));
    }
}
