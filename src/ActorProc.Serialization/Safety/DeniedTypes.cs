using System.Collections.Frozen;
using System.Reflection;

namespace ActorProc.Serialization.Safety;

/// <summary>
/// Known deserialization gadgets and process-local types, refused even when an allow-list rule
/// would admit them. Matched by full name on the type and all its base types, so subclasses and
/// types from assemblies this library does not reference are covered.
/// </summary>
internal static class DeniedTypes
{
    private static readonly FrozenSet<string> Names = new[]
    {
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.IO.FileSystemInfo",
        "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.Stream", "System.IO.TextReader",
        "System.IO.TextWriter", "System.Reflection.Assembly", "System.AppDomain", "System.Data.DataSet",
        "System.Data.DataTable", "System.Data.DataView", "System.Windows.Data.ObjectDataProvider",
        "System.Windows.ResourceDictionary", "System.Security.Principal.WindowsIdentity",
        "System.Security.Principal.WindowsPrincipal", "System.Security.Claims.ClaimsIdentity",
        "System.Security.Claims.ClaimsPrincipal", "System.CodeDom.Compiler.TempFileCollection",
        "System.Resources.ResourceReader", "System.Resources.ResourceSet", "System.Resources.ResXResourceReader",
        "System.Xml.XmlDocument", "System.Xml.XmlDataDocument", "System.Configuration.Install.AssemblyInstaller",
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter", "System.Threading.Thread",
        "System.Runtime.InteropServices.SafeHandle", "System.Threading.WaitHandle", "System.Net.Sockets.Socket",
        "System.Threading.Tasks.Task", "System.Threading.CancellationTokenSource", "System.Threading.Timer",
        "System.Timers.Timer", "System.Web.UI.ObjectStateFormatter", "System.Web.Security.RolePrincipal",
        "System.IdentityModel.Tokens.SessionSecurityToken", "System.Activities.Presentation.WorkflowDesigner",
        "System.Management.Automation.PSObject", "System.Runtime.Remoting.ObjRef",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Namespaces =
    [
        "System.Reflection", "System.Runtime.Remoting", "System.Management", "System.Runtime.Serialization.Formatters",
        "System.Windows", "System.Diagnostics.Eventing", "System.Runtime.InteropServices",
    ];

    /// <summary>Why the type is a denied gadget, or null.</summary>
    public static string? GetDenial(Type type)
    {
        if (typeof(MemberInfo).IsAssignableFrom(type) && type != typeof(Type))
        {
            return "reflection objects are never deserialized";
        }

        for (Type? current = type; current is not null; current = current.BaseType)
        {
            string? name = current.IsConstructedGenericType ? current.GetGenericTypeDefinition().FullName : current.FullName;
            if (name is not null && Names.Contains(name))
            {
                return $"{name} is a known unsafe type";
            }
        }

        string ns = type.Namespace ?? "";
        foreach (var denied in Namespaces)
        {
            if (ns == denied || ns.StartsWith(denied + ".", StringComparison.Ordinal))
            {
                if (FrameworkAssemblies.IsFramework(type.Assembly))
                {
                    return $"types of namespace {denied} are never deserialized";
                }
            }
        }

        return null;
    }
}
