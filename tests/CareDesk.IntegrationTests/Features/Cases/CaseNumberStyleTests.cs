using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>A Chinese installation: digits-only case numbers by default, and numbers of either style found by search.</summary>
public sealed class CaseNumberStyleTests(CaseNumberStyleTests.ChineseInstallation app) : IClassFixture<CaseNumberStyleTests.ChineseInstallation>
{
    public sealed class ChineseInstallation : CareDeskFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Localization:DefaultLanguage"] = "zh-CN",
        };
    }

    [Fact]
    public async Task A_case_opened_where_the_default_language_is_Chinese_has_a_digits_number_found_however_it_is_typed()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));

        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "血糖仪怎么校准" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        Assert.Matches("^[1-9][0-9]{4}-[0-9]{5}$", opened.Number);
        var digits = opened.Number.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(0, CaseNumbers.CheckDigit(digits));
        foreach (var typed in new[] { digits, opened.Number, $"{digits[..3]} {digits[3..6]} {digits[6..]}", ToFullWidth(digits) })
        {
            var found = await (await agent.GetAsync($"/api/cases?number={Uri.EscapeDataString(typed)}")).ReadAsync<CaseSummary[]>();
            Assert.Equal(opened.Id, Assert.Single(found).Id);
        }

        // One digit misheard: the check digit refuses it, so no other caller's case is found by mistake.
        var misheard = digits[..4] + (char)('0' + ((digits[4] - '0' + 1) % 10)) + digits[5..];
        var none = await agent.GetAsync($"/api/cases?number={misheard}");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("number", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string ToFullWidth(string digits) => new([.. digits.Select(c => (char)(c + 0xFEE0))]);
}
