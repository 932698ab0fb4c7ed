using System.Net;
using CareDesk.IntegrationTests.Infrastructure;

namespace CareDesk.IntegrationTests.Platform;

public sealed class HealthTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_signing_in(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
