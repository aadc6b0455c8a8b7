using System.Globalization;

namespace Suno.Application.Tasks.Engine;

/// <summary>Identifies this gateway process as the owner of task leases (several processes may share a database).</summary>
public sealed class GatewayInstance
{
    public GatewayInstance()
        : this(string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}"))
    {
    }

    public GatewayInstance(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id.Length > Domain.Common.FieldLengths.LeaseOwner ? id[..Domain.Common.FieldLengths.LeaseOwner] : id;
    }

    public string Id { get; }
}
