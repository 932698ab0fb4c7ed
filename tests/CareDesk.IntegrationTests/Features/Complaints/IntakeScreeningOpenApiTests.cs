using System.Text.Json;
using CareDesk.IntegrationTests.Infrastructure;

namespace CareDesk.IntegrationTests.Features.Complaints;

// F15's operations are in the document under their use cases, with the screening answer in the contact's body.
public sealed class IntakeScreeningOpenApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Red_flags_and_screening_are_documented_operations_named_after_their_use_cases()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        Assert.Equal("RecordRedFlags", paths.GetProperty("/api/cases/{id}/red-flags").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("GetRedFlags", paths.GetProperty("/api/cases/{id}/red-flags").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("SaveRedFlagScripts", paths.GetProperty("/api/red-flags/scripts").GetProperty("put").GetProperty("operationId").GetString());
        Assert.True(paths.GetProperty("/api/red-flags/scripts").TryGetProperty("get", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var contact = schemas.GetProperty("LogContactRequest").GetProperty("properties");
        Assert.True(contact.TryGetProperty("caseId", out _));
        Assert.True(contact.TryGetProperty("deviceProblemAlleged", out _));
        Assert.True(schemas.GetProperty("RecordRedFlagsRequest").GetProperty("properties").TryGetProperty("answers", out _));
    }
}
