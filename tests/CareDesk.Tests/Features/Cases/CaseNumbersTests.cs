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

    [Fact]
    public void A_new_digits_number_has_nine_digits_not_starting_with_zero_and_its_check_digit()
    {
        for (var i = 0; i < 200; i++)
        {
            var number = CaseNumbers.New(CaseNumberStyle.Digits);

            Assert.Equal(10, number.Length);
            Assert.All(number, c => Assert.True(char.IsAsciiDigit(c)));
            Assert.NotEqual('0', number[0]);
            Assert.Equal(0, CaseNumbers.CheckDigit(number));
            Assert.Equal(number, CaseNumbers.Normalize(number));
        }
    }

    [Theory]
    [InlineData("572", 4)]
    [InlineData("582037194", 6)]
    public void The_check_digit_is_Damms_as_published(string digits, int check)
    {
        // 572 → 4 is the worked example of the algorithm's description; the second is this code's own, pinned.
        Assert.Equal(check, CaseNumbers.CheckDigit(digits));
    }

    [Fact]
    public void One_wrong_digit_or_two_neighbouring_digits_swapped_finds_no_case()
    {
        for (var n = 0; n < 200; n++)
        {
            var number = CaseNumbers.New(CaseNumberStyle.Digits);
            for (var i = 0; i < number.Length; i++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d != number[i])
                    {
                        var misheard = number[..i] + d + number[(i + 1)..];
                        Assert.Null(CaseNumbers.Normalize(misheard));
                    }
                }

                if (i + 1 < number.Length && number[i] != number[i + 1])
                {
                    var swapped = number[..i] + number[i + 1] + number[i] + number[(i + 2)..];
                    Assert.Null(CaseNumbers.Normalize(swapped));
                }
            }
        }
    }

    [Theory]
    [InlineData("5820371946", "58203-71946")]
    [InlineData("58203719", "5820-3719")]
    public void A_digits_number_is_shown_in_two_groups_of_five(string stored, string shown)
    {
        Assert.Equal(shown, CaseNumbers.Display(stored));
    }

    [Theory]
    [InlineData("58203-71946", "5820371946")]
    [InlineData("582 037 1946", "5820371946")]
    [InlineData("５８２０３７１９４６", "5820371946")]
    [InlineData("ｋ７ｍ２－Ｑ９ＸＤ", "K7M2Q9XD")]
    public void Either_style_is_read_back_full_width_or_not(string typed, string stored)
    {
        Assert.Equal(stored, CaseNumbers.Normalize(typed));
    }

    [Theory]
    [InlineData("5820371945")]
    [InlineData("582037194")]
    [InlineData("58203719466")]
    [InlineData("5820371946A")]
    public void Ten_digits_whose_check_fails_or_a_wrong_length_is_no_number(string typed)
    {
        Assert.Null(CaseNumbers.Normalize(typed));
    }
}
