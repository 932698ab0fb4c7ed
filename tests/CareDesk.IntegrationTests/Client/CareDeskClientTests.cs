using System.Net.Http.Headers;
using CareDesk.IntegrationTests.Client.Generated;
using CareDesk.IntegrationTests.Client.Generated.Models;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace CareDesk.IntegrationTests.Client;

/// <summary>
/// The client Kiota generates from the OpenAPI document (scripts/generate-client.sh, kept in Client/Generated) compiles
/// and works against the real host: it signs in, creates a person and finds them by phone number.
/// </summary>
public sealed class CareDeskClientTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_generated_client_signs_in_creates_a_person_and_looks_them_up()
    {
        var http = app.CreateClient();
        var client = new CareDeskApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        });

        var token = await client.Api.Auth.Login.PostAsync(new AuthLoginRequest
        {
            Email = UserSeeder.DemoEmail(Roles.Agent),
            Password = DemoOptions.Password,
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var mobile = PeopleTestKit.NewMobile();
        var created = await client.Api.People.PostAsync(new CreatePersonRequest
        {
            Name = "Kiota Client",
            Kind = "patient",
            Phones = [new CreatePersonPhoneInput { Number = mobile, Type = "mobile" }],
        });
        var matches = await client.Api.People.Lookup.GetAsync(request => request.QueryParameters.Phone = mobile);

        var match = Assert.Single(matches!);
        Assert.Equal(created!.Id, match.PersonId);
        Assert.Equal("Kiota Client", match.Name);
    }
}
