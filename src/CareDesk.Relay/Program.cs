using CareDesk.Relay;

var app = RelayApp.Create(args);
await app.RunAsync();
