using System.Diagnostics;

namespace CityEServices.Deployment.Tests;

public static class Kubectl
{
    public static string OverlayPath(string overlay) =>
        Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes", "overlays", overlay);

    /// <summary>What an operator would apply: <c>kubectl kustomize deploy/kubernetes/overlays/NAME</c>.</summary>
    public static async Task<string> KustomizeAsync(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("kubectl 1.28 or later is needed to render the manifests (./city test fetches one when the machine has none: tools/kubectl.sh): " + e.Message, e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} failed ({process.ExitCode}): {await error}");
            }

            return await output;
        }
    }
}
