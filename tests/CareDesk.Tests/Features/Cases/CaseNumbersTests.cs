using CareDesk.Features.Cases;

namespace CareDesk.Tests.Features.Cases;

/// <summary>Case numbers a caller reads out and an agent types back.</summary>
public sealed class CaseNumbersTests
{
    [Fact]
    public void A_new_number_has_eight_characters_from_the_unambiguous_alphabet()
    {
        for (var i = 0; i < 200; i++)
        {
            var number = CaseNumbers.New();

            Assert.Equal(8, number.Length);
            Assert.All(number, c => Assert.Contains(c, CaseNumbers.Alphabet));
        }
    }

    [Fact]
    public void The_alphabet_has_none_of_the_characters_people_confuse()
    {
        Assert.Equal(30, CaseNumbers.Alphabet.Length);
        Assert.All("01OILU", c => Assert.DoesNotContain(c, CaseNumbers.Alphabet));
    }

    [Theory]
    [InlineData("K7M2Q9XD", "K7M2-Q9XD")]
    [InlineData("K7M2Q9X", "K7M2Q9X")]
    [InlineData("K7M2Q9XDZ", "K7M2Q9XDZ")]
    public void A_number_is_shown_in_two_groups_of_four(string stored, string shown)
    {
        Assert.Equal(shown, CaseNumbers.Display(stored));
    }

    [Theory]
    [InlineData("K7M2Q9XD", "K7M2Q9XD")]
    [InlineData("k7m2-q9xd", "K7M2Q9XD")]
    [InlineData(" K7M2 Q9XD ", "K7M2Q9XD")]
    [InlineData("K7M2\u3000Q9XD", "K7M2Q9XD")]
    [InlineData("K-7-M-2-Q-9-X-D", "K7M2Q9XD")]
    public void What_an_agent_types_is_read_as_the_stored_number(string typed, string stored)
    {
        Assert.Equal(stored, CaseNumbers.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7M2Q9X")]
    [InlineData("K7M2Q9XDZ")]
    [InlineData("K7M2Q9X0")]
    [InlineData("K7M2Q9XI")]
    [InlineData("K7M2Q9X_")]
    [InlineData("K7M2.Q9XD")]
    public void What_cannot_be_a_case_number_reads_as_none(string? typed)
    {
        Assert.Null(CaseNumbers.Normalize(typed));
    }
}
