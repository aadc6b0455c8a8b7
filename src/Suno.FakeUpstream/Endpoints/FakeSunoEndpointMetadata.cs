namespace Suno.FakeUpstream.Endpoints;

/// <summary>Names an endpoint for counters and faults.</summary>
internal sealed record FakeSunoEndpointMetadata(string Name);
