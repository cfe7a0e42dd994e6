namespace ActorProc.Tests.Support;

/// <summary>A private temp directory for files children write (the simplest channel that needs no ActorProc primitive).</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "actorproc-tests-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => Path.Combine(Root, name);

    public static string WaitForText(string path, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                if (File.Exists(path) && File.ReadAllText(path) is { Length: > 0 } text && text.EndsWith('\n'))
                {
                    return text.TrimEnd('\n');
                }
            }
            catch (IOException)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                break;
            }

            Thread.Sleep(10);
        }

        throw new TimeoutException($"{path} was not written within the timeout.");
    }

    public static void Write(string path, string text) => File.WriteAllText(path, text + "\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
