namespace CareDesk.Platform.Api;

/// <summary>Endpoint metadata: this endpoint accepts bodies up to the size read from settings, instead of <see cref="ApiOptions.MaxRequestBodyBytes"/>.</summary>
public sealed record UploadLimit(Func<IServiceProvider, long> Bytes);
