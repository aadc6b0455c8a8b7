using Microsoft.EntityFrameworkCore;
using Suno.Domain.Accounts;
using Suno.Domain.Callbacks;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Common.Interfaces;

/// <summary>The database as the use cases see it: no repository layer over EF Core.</summary>
public interface ISunoDbContext
{
    DbSet<SunoTask> Tasks { get; }

    DbSet<Clip> Clips { get; }

    DbSet<SunoAccount> Accounts { get; }

    DbSet<CallbackDelivery> CallbackDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
