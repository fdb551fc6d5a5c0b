using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CityEServices.Stack.Processes;
using Microsoft.Extensions.Configuration;

namespace CityEServices.Stack;

/// <summary>A stack's ledger: one per name, claimed before anything starts.</summary>
internal static class StackLedger
{
    /// <summary>The ledger of this stack's name; a previous owner that died is cleaned up first, a live one refuses.</summary>
    public static async Task<Ledger> ClaimAsync(StackOptions options, Action<string>? say)
    {
        var directory = Ledger.DirectoryUnder(Repository.Root);
        foreach (var (path, record) in Ledger.ReadAll(directory).Where(l => Path.GetFileNameWithoutExtension(l.Path) == options.Name))
        {
            if (record.OwnerProcess.IsAlive)
            {
                throw new InvalidOperationException($"a stack named {options.Name} is already running (pid {record.Owner.Pid}); ./city stop stops it");
            }

            await Leftovers.EndAsync(record, TimeSpan.FromSeconds(20), say);
            File.Delete(path);
        }

        var ledger = Ledger.Create(directory, options.Name, options.StopsOnSigterm);
        if (options.ThrowawayData && options.DataDirectory is { } data)
        {
            ledger.Update(r => r.ThrowawayDirectories.Add(data));
        }

        return ledger;
    }

    // RabbitMQ's epmd leaves the process tree: it is recorded by its port, and only when this stack runs the broker.
    public static void RecordDaemons(Ledger ledger, IDistributedApplicationTestingBuilder builder)
    {
        if (builder.Resources.OfType<ExecutableResource>().Any(r => r.Name == "rabbitmq-server")
            && builder.Configuration.GetValue<int?>("LocalServers:RabbitMqEpmdPort") is { } epmd)
        {
            ledger.Update(r => r.EpmdPorts.Add(epmd));
        }
    }
}
