// Who can reach the managed API server endpoint, as EKS and GKE describe it.
import { asList, isOn, locate, type Located } from "./cloud-describe";

export interface EksEndpoint {
  privateAccess: boolean;
  publicAccess: boolean;
  /** Public access is allowed from anywhere (no CIDR list, or 0.0.0.0/0 in it). */
  openToInternet: boolean;
  path: string;
  privateAccessPath: string;
  publicAccessCidrsPath: string;
}

/** EKS resourcesVpcConfig; public access defaults to on and to 0.0.0.0/0, private access to off. */
export function eksEndpoint(cluster: Located): EksEndpoint | undefined {
  const vpc = locate(cluster, "resourcesVpcConfig");
  if (!vpc) return undefined;
  const publicAccess = locate(vpc, "endpointPublicAccess")?.value !== false;
  const cidrs = asList(locate(vpc, "publicAccessCidrs")?.value).map(String);
  return {
    privateAccess: isOn(locate(vpc, "endpointPrivateAccess")?.value),
    publicAccess,
    openToInternet: publicAccess && (cidrs.length === 0 || cidrs.includes("0.0.0.0/0") || cidrs.includes("::/0")),
    path: vpc.path,
    privateAccessPath: locate(vpc, "endpointPrivateAccess")?.path ?? `${vpc.path}.endpointPrivateAccess`,
    publicAccessCidrsPath: locate(vpc, "publicAccessCidrs")?.path ?? `${vpc.path}.publicAccessCidrs`,
  };
}

/** GKE: private endpoint, private nodes and control-plane authorized networks. */
export function gkeEndpoint(cluster: Located) {
  const privateConfig = locate(cluster, "privateClusterConfig");
  return {
    privateEndpoint: isOn(locate(cluster, "privateClusterConfig", "enablePrivateEndpoint")?.value),
    privateNodes:
      isOn(locate(cluster, "privateClusterConfig", "enablePrivateNodes")?.value) ||
      isOn(locate(cluster, "networkConfig", "defaultEnablePrivateNodes")?.value),
    authorizedNetworks: isOn(locate(cluster, "masterAuthorizedNetworksConfig", "enabled")?.value),
    privateConfigPath: privateConfig?.path ?? `${cluster.path}.privateClusterConfig`,
    authorizedNetworksPath: locate(cluster, "masterAuthorizedNetworksConfig")?.path ?? `${cluster.path}.masterAuthorizedNetworksConfig`,
  };
}
